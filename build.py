#!/usr/bin/env python3
"""Build every guide in source/ into output/: `python build.py --help` for the options.

The stages themselves are `plainpress.build.build`; this file is the command line's front door.
With no arguments it builds every guide (`make` runs it so), where a bare `plainpress` shows its help.
"""
import sys

from plainpress.cli import main

if __name__ == "__main__":
    sys.exit(main(build_by_default=True))
