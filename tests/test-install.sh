#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the build into a temporary DESTDIR and checks that every file a
# desktop needs is at its standard path.
#
# Usage: test-install.sh BUILD_ROOT PREFIX BINDIR DATADIR LOCALEDIR

set -u

builddir=$1
prefix=$2
bindir=$3
datadir=$4
localedir=$5
app_id=org.example.IccTracker

# Relative directories are relative to the prefix, as in meson.
case $bindir in /*) ;; *) bindir=$prefix/$bindir ;; esac
case $datadir in /*) ;; *) datadir=$prefix/$datadir ;; esac
case $localedir in /*) ;; *) localedir=$prefix/$localedir ;; esac

destdir=$(mktemp -d "${TMPDIR:-/tmp}/icc-install.XXXXXX")
trap 'rm -rf "$destdir"' EXIT INT TERM

# meson test builds only what tests need; install builds the rest (the .mo files) first.
# The test is not parallel, so nothing else uses the build directory meanwhile.
if ! meson install -C "$builddir" --destdir "$destdir" --quiet >"$destdir.log" 2>&1; then
  cat "$destdir.log"
  rm -f "$destdir.log"
  echo "meson install failed"
  exit 1
fi
rm -f "$destdir.log"

status=0
check ()
{
  if [ -e "$destdir$1" ]; then
    echo "ok: $1"
  else
    echo "MISSING: $1"
    status=1
  fi
}

check "$bindir/icc-tracker"
check "$datadir/applications/$app_id.desktop"
check "$datadir/metainfo/$app_id.metainfo.xml"
check "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
check "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
check "$datadir/glib-2.0/schemas/$app_id.gschema.xml"
check "$datadir/mime/packages/$app_id.mime.xml"
check "$datadir/dbus-1/services/$app_id.service"
check "$localedir/fr/LC_MESSAGES/icc-tracker.mo"

if [ -e "$destdir$bindir/icc-tracker" ] && [ ! -x "$destdir$bindir/icc-tracker" ]; then
  echo "NOT EXECUTABLE: $bindir/icc-tracker"
  status=1
fi

service=$destdir$datadir/dbus-1/services/$app_id.service
if [ -f "$service" ] && ! grep -Fxq "Exec=$bindir/icc-tracker --gapplication-service" "$service"; then
  echo "WRONG Exec in $app_id.service:"
  cat "$service"
  status=1
fi

desktop=$destdir$datadir/applications/$app_id.desktop
if [ -f "$desktop" ]; then
  if ! grep -q '^Comment\[fr\]=' "$desktop"; then
    echo "the installed desktop file has no French comment"
    status=1
  fi
  if command -v desktop-file-validate >/dev/null && ! desktop-file-validate "$desktop"; then
    echo "the installed desktop file does not validate"
    status=1
  fi
fi

exit $status
