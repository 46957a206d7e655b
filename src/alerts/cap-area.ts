/**
 * Is the viewer in a CAP <area>? By geocode (SAME, FIPS6, UGC…) or by a point inside one of its
 * <polygon>s or <circle>s. Pure geometry, no projection: alert areas are small enough for the
 * plane of lat/lon (polygons) and the haversine distance (circles).
 */
import type { CapArea, CapCircle, LatLon } from './cap-alert'

/** Where the viewer is: geocode values, or a point. */
export type ViewerArea = { codes: readonly string[] } | { point: LatLon }

/**
 * A county code in its 5-digit FIPS form ("06037") from FIPS6 ("006037" or "06037") or SAME
 * ("006037", whose first digit names a part of the county: a part still matches the county), so
 * the same county given either way matches. Anything else (UGC "CAZ041") is compared as it is,
 * ignoring case.
 */
function comparable(code: string): string {
  const trimmed = code.trim().toUpperCase()
  return /^\d{5,6}$/.test(trimmed) ? trimmed.slice(-5) : trimmed
}

export function areaHasCode(area: CapArea, codes: readonly string[]): boolean {
  const wanted = new Set(codes.map(comparable))
  return area.geocodes.some((g) => wanted.has(comparable(g.value)))
}

/** Ray casting on lat/lon; a point exactly on an edge may fall either way. */
export function pointInPolygon(point: LatLon, polygon: readonly LatLon[]): boolean {
  let inside = false
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const a = polygon[i]!
    const b = polygon[j]!
    if (a.lat > point.lat !== b.lat > point.lat) {
      const lonAtLat = a.lon + ((point.lat - a.lat) / (b.lat - a.lat)) * (b.lon - a.lon)
      if (point.lon < lonAtLat) inside = !inside
    }
  }
  return inside
}

const EARTH_RADIUS_KM = 6371.0088

export function distanceKm(a: LatLon, b: LatLon): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function pointInCircle(point: LatLon, circle: CapCircle): boolean {
  return distanceKm(point, circle) <= circle.radiusKm
}

export function viewerInArea(area: CapArea, viewer: ViewerArea): boolean {
  if ('codes' in viewer) return areaHasCode(area, viewer.codes)
  return area.polygons.some((p) => pointInPolygon(viewer.point, p)) || area.circles.some((c) => pointInCircle(viewer.point, c))
}
