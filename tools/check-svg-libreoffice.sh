#!/usr/bin/env bash
# For maintainers (not part of the test suite): how LibreOffice takes an
# exported SVG. For each SVG given, writes to OUTDIR (default /tmp/lo):
#   NAME.png  LibreOffice Draw's rendering of it, to compare with the PNG
#             export (or with Chromium's and rsvg-convert's);
#   NAME.odg  the SVG imported and broken into shapes (Shape ▸ Break, as a
#             user does to edit it; needs python3-uno), and how many of its
#             texts stayed text (<text:p>) beside its other shapes.
# Needs libreoffice-draw (apt-get install --no-install-recommends
# libreoffice-draw libreoffice-impress python3-uno).
# Usage: tools/check-svg-libreoffice.sh [-o OUTDIR] FILE.svg...
set -eu

outdir=/tmp/lo
if [ "${1:-}" = "-o" ]; then
  outdir=$2
  shift 2
fi
[ $# -gt 0 ] || { echo "usage: $0 [-o OUTDIR] FILE.svg..." >&2; exit 2; }
command -v soffice >/dev/null || { echo "$0: soffice not found (libreoffice-draw)" >&2; exit 1; }
mkdir -p "$outdir"
# A profile of our own: no first-start dialogs, no lock on the user's.
profile=$(mktemp -d)
office=
# If Python fails (UNO never answered), do not leave soffice running.
trap '[ -n "$office" ] && kill "$office" 2>/dev/null; rm -rf "$profile"' EXIT
lo=(soffice "-env:UserInstallation=file://$profile" --headless --norestore)
# The system's Python has the UNO bridge (python3-uno), not a virtualenv's.
py=
for candidate in /usr/bin/python3 python3; do
  if "$candidate" -c 'import uno' 2>/dev/null; then
    py=$candidate
    break
  fi
done

for svg in "$@"; do
  name=$(basename "$svg" .svg)
  "${lo[@]}" --convert-to png --outdir "$outdir" "$svg" >/dev/null
  echo "$outdir/$name.png: LibreOffice's rendering"

  if [ -z "$py" ]; then
    echo "  (no python3-uno: not broken into shapes)"
    continue
  fi
  "${lo[@]}" --accept="pipe,name=icc-check-svg;urp;" &
  office=$!
  "$py" - "$(realpath "$svg")" "$(realpath "$outdir")/$name.odg" <<'PY'
import sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue(); p.Name = name; p.Value = value; return p

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext(
    "com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(60):
    try:
        ctx = resolver.resolve("uno:pipe,name=icc-check-svg;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(0.5)
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(sys.argv[1]), "_blank", 0,
                                   (prop("Hidden", False),))
controller = doc.getCurrentController()
page = doc.getDrawPages().getByIndex(0)
controller.select(page.getByIndex(0))
dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
dispatcher.executeDispatch(controller.getFrame(), ".uno:Break", "", 0, ())
doc.storeToURL(uno.systemPathToFileUrl(sys.argv[2]), (prop("FilterName", "draw8"),))
doc.close(True)
try:
    desktop.terminate()
except Exception:
    pass
PY
  wait "$office" 2>/dev/null || true
  office=
  if [ -f "$outdir/$name.odg" ]; then
    content=$(unzip -p "$outdir/$name.odg" content.xml)
    texts=$(grep -o '<text:p' <<<"$content" | wc -l)
    shapes=$(grep -oE '<draw:(path|polygon|polyline|rect|custom-shape|line)' <<<"$content" | wc -l)
    images=$(grep -o '<draw:image' <<<"$content" | wc -l)
    echo "$outdir/$name.odg: $texts texts (<text:p>), $shapes shapes, $images images"
  fi
done
