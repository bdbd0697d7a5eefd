#!/bin/sh
# deb post-install (electron-builder deb.afterInstall; it fills in ${sanitizedProductName}
# and ${executable}). A custom script replaces electron-builder's own, so this one also
# does what that one did: the /usr/bin link and the setuid Chromium sandbox helper (needed
# where unprivileged user namespaces are off). Then the systemd user unit, installed where
# systemd finds units for every user and enabled globally: each graphical login of the
# wall's account starts the agent, and systemd restarts it when it ends.
set -e
APP_DIR='/opt/${sanitizedProductName}'
ln -sf "$APP_DIR/${executable}" '/usr/bin/${executable}'
if [ -f "$APP_DIR/chrome-sandbox" ]; then
  chown root:root "$APP_DIR/chrome-sandbox"
  chmod 4755 "$APP_DIR/chrome-sandbox"
fi
UNIT=toancanh-agent.service
install -D -m 0644 "$APP_DIR/resources/linux/$UNIT" "/usr/lib/systemd/user/$UNIT"
if command -v systemctl >/dev/null 2>&1; then
  systemctl --global enable "$UNIT" || true
fi
