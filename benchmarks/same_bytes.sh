#!/bin/bash
# Whether a change keeps every output byte for byte: builds the same sources with another checkout
# (BEFORE, e.g. `git worktree add /tmp/before <commit>`) and with this one, each with fresh build and
# user caches, validators off, and lists the files whose bytes differ. Exits 1 when any differ, when a
# build fails, or when nothing was built.
#   benchmarks/same_bytes.sh BEFORE [SOURCE...]   (default: source/ and tests/fixtures/good/scripts)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEFORE=$(realpath "${1:?the checkout to compare with}"); shift
if [ $# -eq 0 ]; then set -- "$ROOT/source" "$ROOT/tests/fixtures/good/scripts"; fi
SOURCES=()
for s in "$@"; do SOURCES+=("$(realpath "$s")"); done   # the builds run from /tmp
T=$(mktemp -d /tmp/same-bytes.XXXX)
failed=0
for tree in before now; do
  code=$BEFORE; [ $tree = now ] && code=$ROOT
  for s in "${SOURCES[@]}"; do
    name=$(basename "$s")
    (cd /tmp && XDG_CACHE_HOME="$T/$tree-home" PYTHONPATH="$code" "$ROOT/.venv/bin/python" -c \
      "import sys; from plainpress.cli import main; sys.exit(main())" build "$s" --no-validate -q \
      --out "$T/$tree/$name" --cache "$T/$tree-cache/$name" >>"$T/log" 2>&1) \
      || { echo "$tree: the build of $s failed (see $T/log)"; failed=$((failed + 1)); }
  done
done
n=$(find "$T/before" -type f 2>/dev/null | wc -l)
diff -rq "$T/before" "$T/now" > "$T/diff.txt" 2>&1
echo "$n files built before; $(wc -l < "$T/diff.txt") differ now:"; head -40 "$T/diff.txt"
echo "both trees kept in $T"
[ "$failed" -eq 0 ] && [ "$n" -gt 0 ] && [ ! -s "$T/diff.txt" ]
