#!/bin/sh
# deb post-remove: the link and the unit go with the package.
set -e
UNIT=toancanh-agent.service
if command -v systemctl >/dev/null 2>&1; then
  systemctl --global disable "$UNIT" || true
fi
rm -f "/usr/lib/systemd/user/$UNIT" '/usr/bin/${executable}'
