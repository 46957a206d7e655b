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

du -sh "$OUT"
