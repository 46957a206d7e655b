#!/usr/bin/env bash
# Makes the small HLS stream fixtures under test/fixtures/streams/ (run once, output committed; CI
# has no ffmpeg). Built the way the outside world builds them: ffmpeg's own HLS muxer, fMP4
# segments, VOD playlists, no server-side tricks.
#  - hevc/: HEVC (libx265, tagged hvc1) + AAC, fMP4: the codec an engine may not decode in MSE;
#  - h264/: H.264 + AAC, fMP4: plays everywhere; its index.m3u8 is also the media-playlist-only URL;
#  - master-hevc.m3u8: a master with the HEVC rendition only;
#  - master-mixed.m3u8: a master with one HEVC and one H.264 rendition (the H.264 one must play).
# 320x180, 25 fps, 8 s in 2 s segments, low bitrates: the whole folder stays well under 600 KB.
# Needs: Debian ffmpeg (libx264, libx265, lavfi) and ffprobe.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$ROOT/test/fixtures/streams"
SECONDS_LONG=8
FPS=25
GOP=$((FPS * 2))

command -v ffmpeg >/dev/null && command -v ffprobe >/dev/null || { echo "ffmpeg/ffprobe missing" >&2; exit 1; }

# multi-audio/: one H.264 rendition and three alternate AAC renditions in one audio group, as a
# packager writes them: English (DEFAULT), Spanish, and English audio description. ffmpeg names
# the renditions audio_N and cannot write CHARACTERISTICS, so the master is edited afterwards (as
# packagers do). Each language is a different tone (440/660/880 Hz) so the tracks differ. 20 s,
# long enough to change the track while it plays. Runnable on its own:
#   scripts/make-stream-fixtures.sh multi-audio
make_multi_audio() {
  local dir="$OUT/multi-audio" long=20
  rm -rf "${dir:?}"
  mkdir -p "$dir"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=320x180:rate=$FPS:duration=$long" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$long" \
    -f lavfi -i "sine=frequency=660:sample_rate=48000:duration=$long" \
    -f lavfi -i "sine=frequency=880:sample_rate=48000:duration=$long" \
    -map 0:v -map 1:a -map 2:a -map 3:a \
    -c:v libx264 -profile:v main -b:v 40k -sc_threshold 0 -g "$GOP" -keyint_min "$GOP" -pix_fmt yuv420p \
    -c:a aac -b:a 16k -ac 1 \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 \
    -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$dir/%v/seg-%d.m4s" \
    -master_pl_name master.m3u8 \
    -var_stream_map "v:0,agroup:aud,name:video a:0,agroup:aud,language:eng,name:eng,default:yes a:1,agroup:aud,language:spa,name:spa a:2,agroup:aud,language:eng,name:eng-ad" \
    "$dir/%v/index.m3u8"
  sed -i \
    -e '/URI="eng\/index.m3u8"/s/NAME="[^"]*"/NAME="English"/' \
    -e '/URI="spa\/index.m3u8"/s/NAME="[^"]*"/NAME="Español"/' \
    -e '/URI="eng-ad\/index.m3u8"/s/NAME="[^"]*"/NAME="English (described)",CHARACTERISTICS="public.accessibility.describes-video"/' \
    "$dir/master.m3u8"
  grep -q 'CHARACTERISTICS="public.accessibility.describes-video"' "$dir/master.m3u8" || { echo "multi-audio: master not edited" >&2; exit 1; }
}
if [ "${1:-}" = multi-audio ]; then make_multi_audio; du -sh "$OUT/multi-audio"; exit 0; fi

# --- Audio-only, AES-128 and ended-event fixtures (each its own function; run some only with
# `scripts/make-stream-fixtures.sh audio-only aes128 ended-event`, which leaves the rest alone).
#  - audio-only/: AAC only, fMP4, no video track; master-audio-only.m3u8 lists it with CODECS="mp4a.40.2";
#  - aes128/: H.264 + AAC in MPEG-TS (ffmpeg encrypts no fMP4; named .mpegts, as .ts would read as
#    TypeScript to tsc), encrypted by ffmpeg's -hls_key_info_file; the key
#    (aes128/stream.key) is committed and named by a relative URI, served by the same static host;
#  - ended-event/: a live event that has ended (PLAYLIST-TYPE:EVENT and EXT-X-ENDLIST) over
#    h264/'s segments (made from h264/index.m3u8, so run after it).
make_audio_only() {
  rm -rf "${OUT:?}/audio-only"
  mkdir -p "$OUT/audio-only"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$SECONDS_LONG" \
    -c:a aac -b:a 32k -ac 1 \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 \
    -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$OUT/audio-only/seg-%d.m4s" \
    "$OUT/audio-only/index.m3u8"
  local largest
  largest=$(find "$OUT/audio-only" -name 'seg-*.m4s' -printf '%s\n' | sort -n | tail -1)
  cat > "$OUT/master-audio-only.m3u8" <<M3U8
#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=$(( largest * 8 / 2 * 11 / 10 )),CODECS="mp4a.40.2"
audio-only/index.m3u8
M3U8
}

make_aes128() {
  rm -rf "${OUT:?}/aes128"
  mkdir -p "$OUT/aes128"
  head -c 16 /dev/urandom > "$OUT/aes128/stream.key"
  local info
  info=$(mktemp)
  # Line 1: the key URI written in the playlist (relative); line 2: the key file ffmpeg reads.
  printf 'stream.key\n%s\n' "$OUT/aes128/stream.key" > "$info"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=320x180:rate=$FPS:duration=$SECONDS_LONG" \
    -f lavfi -i "sine=frequency=660:sample_rate=48000:duration=$SECONDS_LONG" \
    -c:v libx264 -profile:v main -b:v 60k -sc_threshold 0 -g "$GOP" -keyint_min "$GOP" -pix_fmt yuv420p \
    -c:a aac -b:a 32k -ac 1 \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_key_info_file "$info" \
    -hls_segment_filename "$OUT/aes128/seg-%d.mpegts" \
    "$OUT/aes128/index.m3u8"
  rm -f "$info"
}

make_ended_event() {
  [ -f "$OUT/h264/index.m3u8" ] || { echo "h264/index.m3u8 missing: make it first" >&2; exit 1; }
  rm -rf "${OUT:?}/ended-event"
  mkdir -p "$OUT/ended-event"
  sed -e 's/^#EXT-X-PLAYLIST-TYPE:VOD$/#EXT-X-PLAYLIST-TYPE:EVENT/' \
      -e 's#^\(seg-[0-9]*\.m4s\)$#../h264/\1#' \
      -e 's#URI="init.mp4"#URI="../h264/init.mp4"#' \
      "$OUT/h264/index.m3u8" > "$OUT/ended-event/index.m3u8"
}

if [ $# -gt 0 ]; then
  for part in "$@"; do
    case "$part" in
      audio-only) make_audio_only ;;
      aes128) make_aes128 ;;
      ended-event) make_ended_event ;;
      *) echo "unknown part: $part (audio-only, aes128, ended-event)" >&2; exit 1 ;;
    esac
  done
  du -sh "$OUT"
  exit 0
fi
# --- end of the audio-only, AES-128 and ended-event block

# name, then the video encoder flags.
make_stream() {
  local name="$1"; shift
  rm -rf "${OUT:?}/$name"
  mkdir -p "$OUT/$name"
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "testsrc2=size=320x180:rate=$FPS:duration=$SECONDS_LONG" \
    -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$SECONDS_LONG" \
    "$@" -g "$GOP" -keyint_min "$GOP" -pix_fmt yuv420p \
    -c:a aac -b:a 32k -ac 1 \
    -f hls -hls_time 2 -hls_playlist_type vod -hls_segment_type fmp4 \
    -hls_fmp4_init_filename init.mp4 -hls_segment_filename "$OUT/$name/seg-%d.m4s" \
    "$OUT/$name/index.m3u8"
}

make_stream hevc -c:v libx265 -tag:v hvc1 -b:v 60k -x265-params "log-level=error:keyint=$GOP:min-keyint=$GOP:scenecut=0"
make_stream h264 -c:v libx264 -profile:v main -b:v 60k -sc_threshold 0

# Measured peak bandwidth of a rendition (bit/s): the largest segment over its 2 s, plus 10 %.
bandwidth() {
  local largest
  largest=$(find "$OUT/$1" -name 'seg-*.m4s' -printf '%s\n' | sort -n | tail -1)
  echo $(( largest * 8 / 2 * 11 / 10 ))
}

HEVC_CODECS='hvc1.1.6.L60.90,mp4a.40.2'
H264_CODECS='avc1.4d400d,mp4a.40.2'

cat > "$OUT/master-hevc.m3u8" <<M3U8
#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=$(bandwidth hevc),RESOLUTION=320x180,FRAME-RATE=25,CODECS="$HEVC_CODECS"
hevc/index.m3u8
M3U8

cat > "$OUT/master-mixed.m3u8" <<M3U8
#EXTM3U
#EXT-X-VERSION:7
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-STREAM-INF:BANDWIDTH=$(bandwidth hevc),RESOLUTION=320x180,FRAME-RATE=25,CODECS="$HEVC_CODECS"
hevc/index.m3u8
#EXT-X-STREAM-INF:BANDWIDTH=$(bandwidth h264),RESOLUTION=320x180,FRAME-RATE=25,CODECS="$H264_CODECS"
h264/index.m3u8
M3U8

# The audio-only, AES-128 and ended-event fixtures (see their block above).
make_audio_only
make_aes128
make_ended_event

make_multi_audio

du -sh "$OUT"
