#!/bin/sh
# The model (src/model) must not depend on GTK: no GTK/GDK include in its
# sources, and a test program linked with the model library alone does not
# load libgtk.
# Usage: test-model-no-gtk.sh SRCDIR MODEL_TEST_BINARY
set -u
srcdir=$1
binary=$2
echo "1..2"
if grep -rnE '#include *[<"](gtk|gdk|gsk)/' "$srcdir/src/model"; then
  echo "not ok 1 - src/model includes GTK headers"
else
  echo "ok 1 - no GTK include in src/model"
fi
if ldd "$binary" | grep -E 'libgtk|libgdk'; then
  echo "not ok 2 - a model-only program links GTK"
else
  echo "ok 2 - a model-only program does not link GTK"
fi
