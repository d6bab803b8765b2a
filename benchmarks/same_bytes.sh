#!/bin/bash
# Whether a change keeps every output byte for byte: builds the same sources with another checkout
# (BEFORE, e.g. `git worktree add /tmp/before <commit>`) and with this one, each with fresh build and
# user caches, validators off, and lists the files whose bytes differ.
#   benchmarks/same_bytes.sh BEFORE [SOURCE...]   (default: source/ and tests/fixtures/good/scripts)
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BEFORE=$(cd "${1:?the checkout to compare with}" && pwd); shift
SOURCES=("${@:-$ROOT/source $ROOT/tests/fixtures/good/scripts}")
T=$(mktemp -d /tmp/same-bytes.XXXX)
for tree in before now; do
  code=$BEFORE; [ $tree = now ] && code=$ROOT
  for s in ${SOURCES[@]}; do
    name=$(basename "$s")
    (cd /tmp && XDG_CACHE_HOME=$T/$tree-home PYTHONPATH=$code "$ROOT/.venv/bin/python" -c \
      "import sys; from plainpress.cli import main; sys.exit(main())" build "$s" --no-validate -q \
      --out "$T/$tree/$name" --cache "$T/$tree-cache/$name" >>"$T/log" 2>&1) || echo "$tree: the build of $s failed (see $T/log)"
  done
done
n=$(cd "$T/before" && find . -type f | wc -l)
diff -rq "$T/before" "$T/now" > "$T/diff.txt"
echo "$n files built before; $(wc -l < "$T/diff.txt") differ now:"; head -40 "$T/diff.txt"
echo "both trees kept in $T"
