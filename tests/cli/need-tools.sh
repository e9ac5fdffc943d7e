#!/usr/bin/env bash
# Installs what the wasm-redis tests and benchmark need, only when missing:
#   need-tools.sh clients   redis-cli and redis-benchmark (Debian redis-tools), Python 3 with
#                           the redis package (pip install redis)
#   need-tools.sh server    Debian's redis-server (the native yardstick of make bench-server,
#                           and test-native-files.sh's; both run their own instance, never
#                           the system service)
set -eu
apt_install() {
    echo "installing Debian packages: $*"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}
case ${1:-} in
clients)
    missing=""
    command -v redis-cli >/dev/null 2>&1 && command -v redis-benchmark >/dev/null 2>&1 || missing="redis-tools"
    command -v python3 >/dev/null 2>&1 || missing="$missing python3 python3-pip"
    [ -z "$missing" ] || apt_install $missing
    if ! python3 -c 'import redis' 2>/dev/null; then
        python3 -m pip --version >/dev/null 2>&1 || apt_install python3-pip
        python3 -m pip install --quiet redis 2>/dev/null || python3 -m pip install --quiet --break-system-packages redis
    fi
    ;;
server)
    command -v redis-server >/dev/null 2>&1 || apt_install redis-server
    ;;
*)
    echo "usage: $0 clients|server" >&2
    exit 2
    ;;
esac
