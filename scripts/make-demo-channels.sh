#!/usr/bin/env bash
# Makes the built-in demo live channels under static/demo/channels/<id>/ (run once, output committed).
#
# Each channel is a 24 s loop, encoded into 3 renditions of 2 s MPEG-TS segments. The demo server
# (scripts/server/) replays the loop as an endless LIVE stream, so everything here serves that:
#  - a keyframe exactly every 2 s (-g 50 at 25 fps, no scene cuts) so every segment starts with an
#    IDR and segment N of every rendition covers the same 2 s: hls.js can switch level anywhere;
#  - 24 s of audio is exactly 1125 AAC frames at 48 kHz, so audio and video end together at the wrap;
#  - MPEG-TS, not fMP4: hls.js stalls at the loop wrap with fMP4 (timestamps jump back);
#  - a burned-in clock and frame number, so a viewer (and a screenshot test) sees the picture move;
#  - channel.json records what the server must not have to probe at run time: the real codec
#    strings (read from the SPS of the encoded stream), measured bandwidths, segment durations and
#    each segment's first video PTS (the WebVTT subtitle segments map their cues onto it);
#  - captions.vtt holds one cue per segment, timed on the burned-in clock, for the subtitle rendition.
# Needs: Debian ffmpeg (libx264, drawtext) and fonts-dejavu-core.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/static/demo/channels"
FONT="${FONT:-/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf}"
LOOP_SECONDS=24
FPS=25
SEGMENT_SECONDS=2
GOP=$((FPS * SEGMENT_SECONDS))

[ -f "$FONT" ] || { echo "Font $FONT missing: apt-get install -y fonts-dejavu-core" >&2; exit 1; }
command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || { echo "ffmpeg/ffprobe missing" >&2; exit 1; }

# name:width:height:x264 rate flags. Each rendition targets an average bitrate (ABR) under the
# nominal cap (-maxrate 200k/600k/1500k). The targets sit far below the caps to keep the committed
# fixture small, but ABR (not CRF) keeps the ladder ordered whatever the picture, and keeps the
# lowest rendition above 160 kbit/s: the server's "slow" fault (20 000 B/s) must starve even it.
RENDITIONS=(
  "360p:640:360:-b:v 165k -maxrate 600k -bufsize 1200k"
  "234p:416:234:-b:v 120k -maxrate 200k -bufsize 400k"
  "720p:1280:720:-b:v 240k -maxrate 1500k -bufsize 3000k"
)

# avc1.PPCCLL from the first SPS NAL unit (start code, then 0x67, then profile, constraints, level).
codec_string() {
  local hex
  hex=$(ffmpeg -v error -i "$1" -map 0:v:0 -c copy -frames:v 1 -f h264 pipe:1 | od -An -v -tx1 | tr -s ' \n' ' ' |
    grep -o '00 00 01 67 [0-9a-f][0-9a-f] [0-9a-f][0-9a-f] [0-9a-f][0-9a-f]' | awk 'NR == 1')
  [ -n "$hex" ] || { echo "no SPS found in $1" >&2; exit 1; }
  set -- $hex
  echo "avc1.$5$6$7"
}

# The first video PTS (90 kHz) of each segment, one per line. The TS muxer starts the stream at
# 1.4 s plus the B-frame delay, not at 0: the subtitle segments' X-TIMESTAMP-MAP must use the real
# value, or every cue is off by it.
segment_pts() {
  local folder="$1" uri
  while read -r uri _; do
    ffprobe -v error -select_streams v:0 -show_entries stream=start_pts -of csv=p=0 "$folder/$uri" | awk 'NF { print; exit }'
  done
}

# "seg000.ts 2.000000" per line, from the VOD playlist ffmpeg wrote.
segment_list() {
  awk -F'[:,]' '/^#EXTINF:/ { d = $2; next } /^seg[0-9]+\.ts$/ { print $0, d }' "$1"
}

make_channel() {
  local id="$1" name="$2" number="$3" bg="$4" inset="$5" accent="$6"
  local dir="$OUT/$id"
  rm -rf "$dir" && mkdir -p "$dir"

  # One picture at 1280x720, split and scaled per rendition so all three show the same frames.
  local text="fontfile=$FONT:fontcolor=white"
  local picture="[1:v]scale=400:225[inset];[0:v][inset]overlay=x=W-w-60:y=H-h-140[a];\
[a][2:v]overlay=x='mod(t*160\,W+w)-w':y=H-86:shortest=1,\
drawbox=x=0:y=0:w=iw:h=16:color=$accent:t=fill,\
drawtext=$text:text='$name':fontsize=64:x=60:y=60,\
drawtext=$text:text='CH $number':fontsize=44:fontcolor=$accent:x=w-tw-60:y=70,\
drawtext=$text:text='%{pts\:hms}':fontsize=120:x=60:y=190,\
drawtext=$text:text='frame %{eif\:n\:d\:5}':fontsize=60:fontcolor=$accent:x=60:y=360,\
drawtext=$text:text='DEMO LIVE LOOP':fontsize=34:fontcolor=white@0.75:x=60:y=H-150,\
split=${#RENDITIONS[@]}"
  local labels=() outputs=() i=0
  for r in "${RENDITIONS[@]}"; do
    IFS=: read -r rname w h flags <<<"$r"
    labels+=("[v$i]")
    picture+="[s$i]"
    mkdir -p "$dir/$rname"
    # shellcheck disable=SC2206
    outputs+=(-map "[v$i]" -map 3:a
      -c:v libx264 -profile:v main -preset medium -pix_fmt yuv420p -r "$FPS" $flags
      -g "$GOP" -keyint_min "$GOP" -sc_threshold 0
      -c:a aac -b:a 64k -ac 2 -ar 48000 -t "$LOOP_SECONDS"
      -f hls -hls_time "$SEGMENT_SECONDS" -hls_playlist_type vod -hls_list_size 0
      -hls_segment_filename "$dir/$rname/seg%03d.ts" "$dir/$rname/index.m3u8")
    i=$((i + 1))
  done
  i=0
  for r in "${RENDITIONS[@]}"; do
    IFS=: read -r _ w h _ <<<"$r"
    picture+=";[s$i]scale=$w:$h${labels[$i]}"
    i=$((i + 1))
  done

  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=$bg:size=1280x720:rate=$FPS:duration=$LOOP_SECONDS" \
    -f lavfi -i "$inset" \
    -f lavfi -i "color=c=white:size=220x14:rate=$FPS" \
    -f lavfi -i "sine=frequency=440:beep_factor=2:sample_rate=48000,volume=0.08" \
    -filter_complex "$picture" "${outputs[@]}"

  write_manifest "$id" "$name" "$number" "$dir"
}

write_manifest() {
  local id="$1" name="$2" number="$3" dir="$4"
  local first="" first_pts="" renditions="" sep=""
  for r in "${RENDITIONS[@]}"; do
    IFS=: read -r rname w h _ <<<"$r"
    local list pts
    list=$(segment_list "$dir/$rname/index.m3u8")
    pts=$(segment_pts "$dir/$rname" <<<"$list")
    # The live window and the subtitle segments are computed once per channel, so every rendition
    # must cut identically and carry the same timestamps.
    if [ -z "$first" ]; then first="$list"; first_pts="$pts"; elif [ "$list" != "$first" ] || [ "$pts" != "$first_pts" ]; then
      echo "$id/$rname: segments or timestamps differ from the first rendition:" >&2; echo "$list" >&2; exit 1
    fi
    local rates
    rates=$(while read -r uri dur; do echo "$(stat -c %s "$dir/$rname/$uri") $dur"; done <<<"$list" |
      awk '{ bits = $1 * 8; r = bits / $2; if (r > peak) peak = r; total += bits; secs += $2 }
           END { printf "%d %d", peak + 0.5, total / secs + 0.5 }')
    local peak avg codec audio
    read -r peak avg <<<"$rates"
    codec=$(codec_string "$dir/$rname/seg000.ts")
    audio=$(ffprobe -v error -select_streams a:0 -show_entries stream=profile -of csv=p=0 "$dir/$rname/seg000.ts" | awk 'NF { print; exit }')
    [ "$audio" = "LC" ] || { echo "expected AAC-LC audio, got $audio" >&2; exit 1; }
    renditions+="$sep    { \"name\": \"$rname\", \"width\": $w, \"height\": $h, \"bandwidth\": $peak, \"averageBandwidth\": $avg, \"codecs\": \"$codec,mp4a.40.2\", \"playlist\": \"$rname/index.m3u8\" }"
    sep=$',\n'
  done
  local segments
  segments=$(paste -d' ' <(echo "$first") <(echo "$first_pts") |
    awk '{ printf "%s    { \"uri\": \"%s\", \"duration\": %s, \"pts\": %s }", (NR > 1 ? ",\n" : ""), $1, $2 + 0, $3 }')
  cat >"$dir/channel.json" <<JSON
{
  "id": "$id",
  "name": "$name",
  "number": $number,
  "frameRate": $FPS,
  "loopSeconds": $LOOP_SECONDS,
  "renditions": [
$renditions
  ],
  "segments": [
$segments
  ]
}
JSON
  write_captions "$name" "$dir" <<<"$first"
  echo "$id: $(du -sh "$dir" | cut -f1)"
}

# One cue per segment, from its start to its end on the loop's clock (which the picture burns in),
# so a viewer and a test can see that cue N shows while the clock reads its time.
write_captions() {
  local name="$1" dir="$2"
  awk -v name="$name" '
    function stamp(s) { return sprintf("%02d:%02d:%02d.%03d", int(s / 3600), int(s / 60) % 60, int(s) % 60, int((s - int(s)) * 1000 + 0.5)) }
    { uri[NR] = $1; dur[NR] = $2 }
    END {
      print "WEBVTT"
      start = 0
      for (i = 1; i <= NR; i++) {
        end = start + dur[i]
        printf "\n%d\n%s --> %s\n%s \342\200\224 caption %d of %d at %02d:%02d\n", i, stamp(start), stamp(end), name, i, NR, int(start / 60), int(start) % 60
        start = end
      }
    }' >"$dir/captions.vtt"
}

make_channel news "Newsroom 24" 1 0x7a0d12 "testsrc=size=400x225:rate=$FPS" 0xffd84a
make_channel world "World Desk" 2 0x0b2a5b "smptehdbars=size=400x225:rate=$FPS" 0x5ad1e6
du -sh "$OUT"
