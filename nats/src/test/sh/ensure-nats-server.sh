#!/bin/sh
# Makes sure nats-server (with JetStream) is on the PATH for the NATS tests, run by the build before them.
# On a Debian-like machine where apt-get can run (CI runs as root), it installs Debian's nats-server
# package when the command is missing. It never fails the build itself: when it cannot install, the
# tests fail with the command to run (NatsCluster.requireServer), so a missing server is never a skip.
if command -v nats-server >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure-nats-server: nats-server is missing and apt-get cannot run here;" \
        "install it with: sudo apt-get install -y nats-server" >&2
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
echo "ensure-nats-server: installing Debian's nats-server package" >&2
apt-get install -y -q nats-server >&2 || { apt-get update -q >&2 && apt-get install -y -q nats-server >&2; }
command -v nats-server >/dev/null 2>&1 || echo "ensure-nats-server: install failed" >&2
exit 0
