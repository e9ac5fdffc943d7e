#!/usr/bin/env bash
# The wasm-redis shell tests: `tests/cli/run.sh PATH/TO/wasm-redis` (make test runs them).
# Every server they start listens on 127.0.0.1, on a port the system picks, and is stopped.
set -u
here=$(cd "$(dirname "$0")" && pwd)
if [ $# -ne 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH/TO/wasm-redis" >&2
    exit 2
fi
export WASM_REDIS=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
export TEST_TMP=$(mktemp -d)
trap 'rm -rf "$TEST_TMP"' EXIT

status=0
for test in "$here"/test-*.sh; do
    echo "== ${test##*/}"
    timeout 1800 bash "$test" || status=1
done
exit $status
