#!/usr/bin/env bash
# Installs Debian's chromium for the public page's browser test (PublicPageBrowserTest), unless a
# chromium is already on PATH. Also installs a small CJK font (WenQuanYi Micro Hei) when the machine
# has none, so the page's Chinese renders as text rather than boxes in the test's screenshot.
# Idempotent and quiet: prints one line.
set -euo pipefail

have_cjk_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null | head -n 1)" ]; }

pkgs=()
command -v chromium >/dev/null 2>&1 || pkgs+=(chromium)
have_cjk_font || pkgs+=(fonts-wqy-microhei)

if [ ${#pkgs[@]} -eq 0 ]; then
  echo "install-chromium: $(chromium --version 2>/dev/null || echo chromium) already installed"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "install-chromium: need root (or sudo) to apt-get install ${pkgs[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
if ! "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null 2>&1; then
  # the package lists may be missing or stale: refresh them once and try again, showing errors this time
  "${sudo[@]}" apt-get update -qq >/dev/null
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
fi
command -v chromium >/dev/null 2>&1 || { echo "install-chromium: apt-get ran but chromium is not on PATH" >&2; exit 1; }
echo "install-chromium: installed ${pkgs[*]} ($(chromium --version 2>/dev/null))"
