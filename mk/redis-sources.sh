#!/bin/sh
# Populate vendor/redis with the pristine Redis 7.0.15 sources.
#
# Usage: mk/redis-sources.sh VENDOR_DIR WORK_DIR
#
# If VENDOR_DIR already holds a Redis tree (src/Makefile), it is used as is.
# Otherwise the sources come from Debian's source package `redis`: when apt
# has no deb-src entry yet, one is derived from the machine's own apt sources
# (each enabled `deb` entry of this release's suites gets a `deb-src` twin in
# /etc/apt/sources.list.d/wasm-redis-deb-src.sources), then
# `apt-get source --download-only redis` fetches the package into WORK_DIR and
# its pristine upstream tarball redis_7.0.15.orig.tar.gz is unpacked into
# VENDOR_DIR. Finally src/mkreleasehdr.sh is run once (it writes src/release.h).
set -eu

REDIS_VERSION=7.0.15
vendor=$1
work=$2
derived=/etc/apt/sources.list.d/wasm-redis-deb-src.sources

has_deb_src() {
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        grep -qsE '^[[:space:]]*(Types:.*deb-src|deb-src[[:space:]])' "$f" && return 0
    done
    return 1
}

# Print deb822 stanzas of type deb-src mirroring the enabled deb entries whose
# suites belong to this Debian release (e.g. bookworm, bookworm-updates,
# bookworm-security); third-party repositories are left alone.
derive_deb_src() {
    codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk -v rel="$codename" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && suites != "" && uris != "") {
                    n = split(suites, s, " "); ok = 1
                    for (i = 1; i <= n; i++) if (s[i] != rel && index(s[i], rel "-") != 1) ok = 0
                    if (ok) {
                        print "Types: deb-src"; print "URIs: " uris; print "Suites: " suites
                        print "Components: " comps
                        if (signed != "") print "Signed-By: " signed
                        print ""
                    }
                }
                types = uris = suites = comps = signed = ""; enabled = 1
            }
            BEGIN { enabled = 1 }
            /^[[:space:]]*#/ { next }
            /^[[:space:]]*$/ { if (!enabled) types = ""; flush(); next }
            { key = $1; sub(/:$/, "", key); val = $0; sub(/^[^:]*:[[:space:]]*/, "", val) }
            key == "Types" { types = val }
            key == "URIs" { uris = val }
            key == "Suites" { suites = val }
            key == "Components" { comps = val }
            key == "Signed-By" { signed = val }
            key == "Enabled" && val == "no" { enabled = 0 }
            END { if (!enabled) types = ""; flush() }
        ' "$f"
    done
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk -v rel="$codename" '
            $1 == "deb" {
                i = 2; opts = ""
                if ($2 ~ /^\[/) { while ($i !~ /\]$/) { opts = opts " " $i; i++ } opts = opts " " $i; i++ }
                uri = $i; suite = $(i + 1)
                if (suite != rel && index(suite, rel "-") != 1) next
                comps = ""; for (j = i + 2; j <= NF; j++) comps = comps (comps == "" ? "" : " ") $j
                print "Types: deb-src"; print "URIs: " uri; print "Suites: " suite
                print "Components: " comps; print ""
            }
        ' "$f"
    done
}

if [ ! -f "$vendor/src/Makefile" ]; then
    mkdir -p "$work"
    work=$(cd "$work" && pwd)
    tarball="$work/redis_$REDIS_VERSION.orig.tar.gz"
    if [ ! -f "$tarball" ]; then
        if ! has_deb_src; then
            derive_deb_src > "$derived.tmp"
            [ -s "$derived.tmp" ] || { rm -f "$derived.tmp"; echo "redis-sources: no Debian deb entry to derive a deb-src from" >&2; exit 1; }
            mv "$derived.tmp" "$derived"
            echo "redis-sources: added $derived"
        fi
        apt-get update
        ( cd "$work" && apt-get source --download-only redis )
    fi
    [ -f "$tarball" ] || { echo "redis-sources: $tarball not found (does apt offer another redis version?)" >&2; exit 1; }
    mkdir -p "$vendor"
    tar -xzf "$tarball" -C "$vendor" --strip-components=1
fi

# release.h: mkreleasehdr.sh asks git for a commit id; vendor/ sits inside our
# own repository, so hide it (the id becomes 00000000, as for a tarball build).
if [ ! -f "$vendor/src/release.h" ]; then
    ( cd "$vendor/src" && GIT_DIR=/nonexistent GIT_CEILING_DIRECTORIES=/ sh ./mkreleasehdr.sh )
fi
