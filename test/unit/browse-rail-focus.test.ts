import { describe, it, expect } from 'vitest'
import { RailFocusMemory, type FocusableRail } from '../../src/browse/rail-focus'

const rail = (id: string, ...articles: string[]): FocusableRail => ({ id, articles: articles.map((a) => ({ id: a })) })

describe('RailFocusMemory', () => {
  it('starts on the first tile of the first rail, and has nothing to focus without rails', () => {
    const memory = new RailFocusMemory()
    const rails = [rail('a', '1', '2'), rail('b', '3')]
    expect(memory.railIndex(rails)).toBe(0)
    expect(memory.tileIndex(rails[0]!)).toBe(0)
    expect(memory.railIndex([])).toBe(-1)
    expect(memory.tileIndex(rail('empty'))).toBe(-1)
  })

  it('remembers the focused tile of each rail separately', () => {
    const memory = new RailFocusMemory()
    const rails = [rail('a', '1', '2', '3'), rail('b', '4', '5')]
    memory.remember(rails, 0, 2)
    memory.remember(rails, 1, 1)
    expect(memory.railIndex(rails)).toBe(1)
    expect(memory.tileIndex(rails[0]!)).toBe(2)
    expect(memory.tileIndex(rails[1]!)).toBe(1)
  })

  it('follows a story that moved when the feed updated', () => {
    const memory = new RailFocusMemory()
    memory.remember([rail('a', '1', '2', '3')], 0, 1)
    const updated = [rail('new', '9'), rail('a', '0', '1', '2', '3')]
    expect(memory.railIndex(updated)).toBe(1)
    expect(memory.tileIndex(updated[1]!)).toBe(2)
  })

  it('stays at the same place, within bounds, when the story or the rail left the feed', () => {
    const memory = new RailFocusMemory()
    memory.remember([rail('x', '0'), rail('y', '0'), rail('a', '1', '2', '3', '4')], 2, 3)
    expect(memory.tileIndex(rail('a', '1', '2', '3', '5', '6'))).toBe(3)
    expect(memory.tileIndex(rail('a', '1', '2'))).toBe(1)
    expect(memory.railIndex([rail('x'), rail('z')])).toBe(1)
  })

  it('ignores a position that does not exist', () => {
    const memory = new RailFocusMemory()
    const rails = [rail('a', '1')]
    memory.remember(rails, 0, 5)
    memory.remember(rails, 3, 0)
    expect(memory.tileIndex(rails[0]!)).toBe(0)
  })
})
