#!/usr/bin/env bash
# Makes a headless Chromium available to the report's browser tests (tests/Extract.Cli.Tests/ReportBrowserTests.cs) and
# exports its path as EXTRACT_CHROMIUM. Installs the Debian packages when missing: chromium, and fonts-wqy-zenhei so the
# Chinese text of the report's screenshot is drawn with glyphs rather than boxes. Source it (`. .ci/browser.sh`) so the
# variable reaches the caller. With EXTRACT_REQUIRE_SERVICES=1 a browser that cannot be installed fails the tests.

extract_browser_start() {
  local need=()
  command -v chromium >/dev/null 2>&1 || need+=(chromium)
  fc-list :lang=zh 2>/dev/null | grep -q . || need+=(fonts-wqy-zenhei)
  if ((${#need[@]})); then
    echo "browser: installing ${need[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  fi

  EXTRACT_CHROMIUM=$(command -v chromium) || { echo "browser: chromium is not installed" >&2; return 1; }
  export EXTRACT_CHROMIUM
  echo "browser: $("$EXTRACT_CHROMIUM" --version 2>/dev/null | head -1) at $EXTRACT_CHROMIUM" >&2
}

extract_browser_start
