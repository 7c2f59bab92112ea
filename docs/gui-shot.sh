#!/bin/bash
# Regenerates the README's screenshots of the desktop app, e.g.
#   bash docs/gui-shot.sh docs/gui-compare.png 1600x1000 en --tab compare
#   bash docs/gui-shot.sh docs/gui-zh-1280.png 1280x720 zh-CN --tab compare
#   bash docs/gui-shot.sh docs/gui-planner.png 1600x1000 en --tab planner --run
#   bash docs/gui-shot.sh docs/gui-author-1920.png 1920x1080 en --tab author
# Needs xvfb, xdotool and imagemagick (apt-get install -y xvfb xdotool imagemagick).
# shot.sh OUT WxH LANG ARGS... : the app under Xvfb, its window the whole WxH screen, a screenshot after it settles.
out=$1; size=$2; lang=$3; shift 3
w=${size%x*}; h=${size#*x}
xvfb-run -a -s "-screen 0 ${size}x24" bash -c "PERMITFLOW_LANG=$lang HOME=${TMPDIR:-/tmp}/permitflow-shot-home-$lang ${PERMITFLOW_GUI:-target/debug/permitflow-gui} $* & sleep 12; id=\$(xdotool search --onlyvisible --name . | tail -1); xdotool windowmove \$id 0 0 windowsize \$id $w $h; sleep 14; import -window root $out; kill %1"
