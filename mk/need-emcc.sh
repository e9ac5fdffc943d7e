#!/bin/sh
# Make sure the Emscripten compiler is there: `mk/need-emcc.sh EMCC`.
# The default `emcc` is installed from Debian's `emscripten` package when
# missing; an explicit EMCC=path that does not exist is an error.
set -eu
emcc=${1:-emcc}
command -v "$emcc" >/dev/null 2>&1 && exit 0
if [ "$emcc" != emcc ]; then
    echo "EMCC=$emcc not found" >&2
    exit 1
fi
echo "emcc missing: installing Debian's emscripten"
apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y emscripten
