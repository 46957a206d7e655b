import { describe, it, expect } from 'vitest'
import { codecFamily, formatFamilies, splitCodecs, filterDecodableRenditions, codecSupported } from '../../src/player/codecs'

/** An engine without HEVC (as many TVs): H.264, AAC, VP9 and AV1 yes; hvc1/hev1 no. */
const noHevc = (type: string) => !/codecs="?(hvc1|hev1)/.test(type)

describe('codec families in words a viewer and an installer know', () => {
  it('names each family from its RFC 6381 string', () => {
    expect(codecFamily('hvc1.1.6.L93.B0')).toBe('HEVC')
    expect(codecFamily('hev1.2.4.L120.90')).toBe('HEVC')
    expect(codecFamily('avc1.4d401f')).toBe('H.264')
    expect(codecFamily('avc3.640028')).toBe('H.264')
    expect(codecFamily('mp4a.40.2')).toBe('AAC')
    expect(codecFamily('mp4a.40.34')).toBe('MP3')
    expect(codecFamily('vp09.00.10.08')).toBe('VP9')
    expect(codecFamily('av01.0.04M.08')).toBe('AV1')
    expect(codecFamily('ec-3')).toBe('Dolby Digital Plus')
    expect(codecFamily('ac-3')).toBe('Dolby Digital')
    expect(codecFamily('dvh1.05.06')).toBe('Dolby Vision')
    expect(codecFamily('opus')).toBe('Opus')
    expect(codecFamily('xyz9.1.2')).toBe('xyz9')
  })

  it('joins a list once per family, in order', () => {
    expect(formatFamilies(['avc1.4d401f', 'mp4a.40.2'])).toBe('H.264/AAC')
    expect(formatFamilies(['hvc1.1.6.L93.B0', 'hev1.1.6.L93.B0'])).toBe('HEVC')
  })

  it('reads codecs from a CODECS attribute and from a MIME type', () => {
    expect(splitCodecs('hvc1.1.6.L60.90,mp4a.40.2')).toEqual(['hvc1.1.6.L60.90', 'mp4a.40.2'])
    expect(splitCodecs('video/mp4;codecs="hvc1.1.6.L60.90"')).toEqual(['hvc1.1.6.L60.90'])
    expect(splitCodecs('video/mp4; codecs=avc1.42e01e, mp4a.40.2')).toEqual(['avc1.42e01e', 'mp4a.40.2'])
    expect(splitCodecs(undefined)).toEqual([])
  })

  it('asks the engine with the MIME type of the track kind', () => {
    const asked: string[] = []
    codecSupported('mp4a.40.2', (t) => (asked.push(t), true))
    codecSupported('hvc1.1.6.L60.90', (t) => (asked.push(t), true))
    expect(asked).toEqual(['audio/mp4;codecs=mp4a.40.2', 'video/mp4;codecs=hvc1.1.6.L60.90'])
  })
})

describe('the rendition filter', () => {
  it('skips the renditions the engine cannot decode and keeps the rest', () => {
    const filter = filterDecodableRenditions(
      [{ codecs: ['hvc1.1.6.L93.B0', 'mp4a.40.2'] }, { codecs: ['avc1.4d401f', 'mp4a.40.2'] }, { codecs: [] }],
      noHevc,
    )
    expect(filter).toEqual({ decodable: [1, 2], undecodableCodecs: ['hvc1.1.6.L93.B0'] })
  })

  it('keeps none when every rendition is HEVC, and says which codec it was', () => {
    const filter = filterDecodableRenditions([{ codecs: ['hvc1.1.6.L93.B0', 'mp4a.40.2'] }, { codecs: ['hev1.1.6.L120.90', 'mp4a.40.2'] }], noHevc)
    expect(filter.decodable).toEqual([])
    expect(formatFamilies(filter.undecodableCodecs)).toBe('HEVC')
  })

  it('names H.264/AAC on an engine without either', () => {
    const filter = filterDecodableRenditions([{ codecs: ['avc1.4d401f', 'mp4a.40.2'] }], () => false)
    expect(formatFamilies(filter.undecodableCodecs)).toBe('H.264/AAC')
  })
})
