import { describe, expect, it } from 'vitest'
import { parseXmltv, parseXmltvTime } from '../../src/schedule/parse-xmltv'
import { xmldomXml } from '../../src/feed/xmldom-reader'

const match = { channelId: 'newsroom', channelName: 'Newsroom 24' }

function tv(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><tv generator-info-name="test">${body}</tv>`
}

describe('XMLTV times', () => {
  it('reads the offset: 18:30 at +0100 is 17:30 UTC', () => {
    expect(parseXmltvTime('20251201183000 +0100')).toBe(Date.UTC(2025, 11, 1, 17, 30))
    expect(parseXmltvTime('20251201183000 -0500')).toBe(Date.UTC(2025, 11, 1, 23, 30))
  })
  it('takes no offset as UTC, and leaves off seconds and minutes', () => {
    expect(parseXmltvTime('20251201183000')).toBe(Date.UTC(2025, 11, 1, 18, 30))
    expect(parseXmltvTime('202512011830 +0000')).toBe(Date.UTC(2025, 11, 1, 18, 30))
  })
  it('refuses what is not a time', () => {
    expect(parseXmltvTime('tomorrow')).toBeNull()
    expect(parseXmltvTime('20251301183000 +0100')).toBeNull()
    expect(parseXmltvTime(null)).toBeNull()
  })
  it('reads both sides of the DST change in Europe/Berlin as an hour apart (02:30 CEST, then 02:30 CET)', () => {
    const cest = parseXmltvTime('20251026023000 +0200')!
    const cet = parseXmltvTime('20251026023000 +0100')!
    expect(cet - cest).toBe(3600_000)
    expect(cest).toBe(Date.UTC(2025, 9, 26, 0, 30))
  })
})

describe('parseXmltv', () => {
  it('reads the channel\'s programmes with title, desc, category, episode and rating', () => {
    const { programmes, issues } = parseXmltv(
      tv(`<channel id="newsroom"><display-name>Newsroom 24</display-name></channel>
        <channel id="other"><display-name>Other</display-name></channel>
        <programme start="20251201183000 +0100" stop="20251201190000 +0100" channel="newsroom">
          <title lang="en">Evening Bulletin</title><desc>The day's news.</desc><category>News</category>
          <episode-num system="onscreen">S1E4</episode-num><rating system="VCHIP"><value>TV-G</value></rating>
        </programme>
        <programme start="20251201183000 +0100" stop="20251201190000 +0100" channel="other"><title>Not ours</title></programme>`),
      match,
      xmldomXml,
    )
    expect(issues).toEqual([])
    expect(programmes).toEqual([
      {
        start: Date.UTC(2025, 11, 1, 17, 30),
        end: Date.UTC(2025, 11, 1, 18, 0),
        title: 'Evening Bulletin',
        description: "The day's news.",
        category: 'News',
        episode: 'S1E4',
        rating: 'TV-G',
        source: 'xmltv',
      },
    ])
  })

  it('ends a programme without stop where the next starts; the last without stop is reported', () => {
    const { programmes, issues } = parseXmltv(
      tv(`<programme start="20251201190000 +0000" channel="newsroom"><title>B</title></programme>
        <programme start="20251201180000 +0000" channel="newsroom"><title>A</title></programme>`),
      match,
      xmldomXml,
    )
    expect(programmes.map((p) => [p.title, p.end])).toEqual([['A', Date.UTC(2025, 11, 1, 19)]])
    expect(issues).toEqual([{ where: 'programme 1', message: 'no stop and no later programme to end it' }])
  })

  it('matches the channel by display name, by the configured XMLTV id, or the only channel there is', () => {
    const doc = tv(`<channel id="nr24.example"><display-name>Newsroom 24</display-name></channel>
      <channel id="x.example"><display-name>X</display-name></channel>
      <programme start="20251201180000" stop="20251201183000" channel="nr24.example"><title>By name</title></programme>
      <programme start="20251201180000" stop="20251201183000" channel="x.example"><title>By id</title></programme>`)
    expect(parseXmltv(doc, match, xmldomXml).programmes.map((p) => p.title)).toEqual(['By name'])
    expect(parseXmltv(doc, { ...match, xmltvId: 'x.example' }, xmldomXml).programmes.map((p) => p.title)).toEqual(['By id'])
    const single = tv(`<channel id="only"/><programme start="20251201180000" stop="20251201183000" channel="only"><title>Only</title></programme>`)
    expect(parseXmltv(single, { channelId: 'zzz', channelName: 'Zzz' }, xmldomXml).programmes.map((p) => p.title)).toEqual(['Only'])
  })

  it('reports bad programmes and keeps the good ones', () => {
    const { programmes, issues } = parseXmltv(
      tv(`<programme start="soon" stop="20251201183000" channel="newsroom"><title>Bad start</title></programme>
        <programme start="20251201183000" stop="20251201180000" channel="newsroom"><title>Backwards</title></programme>
        <programme start="20251201180000" stop="20251201183000" channel="newsroom"></programme>
        <programme start="20251201190000" stop="20251201193000" channel="newsroom"><title>Good</title></programme>`),
      match,
      xmldomXml,
    )
    expect(programmes.map((p) => p.title)).toEqual(['Good'])
    expect(issues.map((i) => i.where)).toEqual(['programme 1', 'programme 3', 'programme 2'])
    expect(issues[0]!.message).toMatch(/"soon" is not an XMLTV time/)
  })

  it('says so when the document is not XMLTV', () => {
    const { programmes, issues } = parseXmltv('<rss><channel/></rss>', match, xmldomXml)
    expect(programmes).toEqual([])
    expect(issues[0]!.message).toMatch(/not XMLTV/)
  })
})
