#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks a translation with msgfmt --check and fails when any message is
# untranslated or fuzzy.
#
# Usage: test-po-complete.sh FILE.po

set -u

po=$1
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1)
rc=$?
echo "$po: $stats"
if [ $rc -ne 0 ]; then
  exit 1
fi
case $stats in
  *fuzzy*|*untranslated*)
    echo "$po is not complete: translate every message and clear the fuzzy flags"
    exit 1 ;;
esac
exit 0
