#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks a translation with msgfmt --check and fails when any message is
# untranslated or fuzzy. With the source root as second argument, it first
# extracts the messages of po/POTFILES.in as `meson compile <project>-pot`
# does (xgettext, glib preset) and merges them into a copy of the
# translation, so that a new string nobody translated fails too.
#
# Usage: test-po-complete.sh FILE.po [SOURCE_ROOT]

set -u

po=$1
root=${2:-}
checked=$po

if [ -n "$root" ]; then
  tmp=$(mktemp -d) || exit 1
  trap 'rm -rf "$tmp"' EXIT
  (cd "$root" && xgettext --files-from=po/POTFILES.in --directory="$root" \
      --output="$tmp/messages.pot" --from-code=UTF-8 --add-comments \
      --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
      --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
      --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
      --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
      --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
      --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
      --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
      --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
      --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
      --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format) || exit 1
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" \
    "$tmp/messages.pot" || exit 1
  checked=$tmp/merged.po
fi

stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$checked" 2>&1)
rc=$?
echo "$po: $stats"
if [ $rc -ne 0 ]; then
  exit 1
fi
case $stats in
  *fuzzy*|*untranslated*)
    echo "$po is not complete: translate every message and clear the fuzzy flags"
    if [ "$checked" != "$po" ]; then
      LC_ALL=C msgattrib --untranslated --no-obsolete "$checked" | grep '^msgid' | head -20
    fi
    exit 1 ;;
esac
exit 0
