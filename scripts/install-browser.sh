#!/usr/bin/env bash
# Installs what the web app's browser tests need, from Debian's packages: Chromium (driven by
# Playwright with the system browser), its driver, CJK fonts (Chinese and Japanese screenshots) and
# ffmpeg (fake camera videos for the staff scanner). Does nothing when they are already there.
set -euo pipefail

missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v ffmpeg >/dev/null || missing+=(ffmpeg)
[ -d /usr/share/fonts/opentype/noto ] && ls /usr/share/fonts/opentype/noto | grep -qi cjk || missing+=(fonts-noto-cjk)

if [ ${#missing[@]} -eq 0 ]; then
  echo "Browser test packages are installed: $(chromium --version 2>/dev/null | head -1)"
  exit 0
fi

echo "Installing ${missing[*]} from Debian's packages…"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
chromium --version
