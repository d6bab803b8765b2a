#!/usr/bin/env python3
"""Build every guide in source/ into output/: `python build.py --help` for the options.

The stages themselves are `plainpress.pipeline.build`; this file is the command line's front door.
"""
import sys

from plainpress.cli import main

if __name__ == "__main__":
    sys.exit(main())
