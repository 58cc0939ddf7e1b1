/// The mask penalty score of ISO/IEC 18004, 7.8.3 (Table 11), evaluated on the whole symbol
/// with its function patterns and the candidate's format information drawn:
///
/// - N1 = 3: each run of 5 same-colour modules in a row or column, +1 per module beyond 5;
/// - N2 = 3: each 2×2 block of one colour (blocks may overlap);
/// - N3 = 40: each 1:1:3:1:1 dark–light–dark–light–dark pattern in a row or column with a light
///   run at least 4 units long on one side and at least 1 unit on the other (counted once per
///   side that qualifies); the area outside the symbol counts as light (it is the quiet zone),
///   and scaled patterns (unit > 1) count too;
/// - N4 = 10 per full 5% the dark share deviates from 50% (k = ⌈|20·dark − 10·total| / total⌉ − 1).
///
/// The symbol comes as bit boards: `rows[y * words + w]` holds modules x = 64w … 64w + 63 of
/// row y (bit 0 = smallest x, 1 = dark), `columns[x * words + w]` the transpose; bits past the
/// edge are zero. Each line is copied `padding` bits up (light quiet zone in front) and scored
/// bit-parallel: N1 and unit-1 N3 patterns with shifts and masks. Only a line holding a dark
/// run of 6 or more (the middle run of a scaled pattern is 3n ≥ 6) is walked run by run for
/// scaled patterns. `ReferencePenaltyTests` checks all this against a plain module-by-module
/// evaluation.
enum MaskPenalty {
    static let n1 = 3, n2 = 3, n3 = 40, n4 = 10
    static let padding = 4
    /// Largest line that fits one word after padding (versions 1–10).
    static let singleWordLength = 64 - padding

    /// The penalty, or some value above `limit` as soon as it is known to exceed it.
    static func score(
        rows: UnsafePointer<UInt64>,
        columns: UnsafePointer<UInt64>,
        size: Int,
        words: Int,
        limit: Int = .max
    ) -> Int {
        var total = blocksAndBalance(rows, size: size, words: words)
        if total > limit { return total }
        if size <= singleWordLength {
            for y in 0..<size { total += singleWordLinePenalty(rows[y], length: size) }
            if total > limit { return total }
            for x in 0..<size { total += singleWordLinePenalty(columns[x], length: size) }
            return total
        }
        return withUnsafeTemporaryAllocation(of: UInt64.self, capacity: words + 3) { scratch in
            guard let scratch = scratch.baseAddress else { return Int.max }
            for y in 0..<size { total += multiWordLinePenalty(rows + y * words, length: size, scratch: scratch) }
            if total > limit { return total }
            for x in 0..<size { total += multiWordLinePenalty(columns + x * words, length: size, scratch: scratch) }
            return total
        }
    }

    /// N2 (2×2 blocks, from pairs of rows) and N4 (dark/light balance).
    static func blocksAndBalance(_ rows: UnsafePointer<UInt64>, size: Int, words: Int) -> Int {
        var blocks = 0
        var dark = 0
        if words == 1 {
            let valid: UInt64 = (1 << UInt64(size - 1)) - 1
            var a = rows[0]
            dark = a.nonzeroBitCount
            for y in 1..<size {
                let b = rows[y]
                dark += b.nonzeroBitCount
                // A block at x: a[x] == b[x], a[x+1] == b[x+1] and a[x] == a[x+1].
                let vertical = ~(a ^ b)
                blocks += (vertical & vertical >> 1 & ~(a ^ a >> 1) & valid).nonzeroBitCount
                a = b
            }
            return blocks * n2 + balancePenalty(dark: dark, size: size)
        }
        for y in 0..<size {
            let top = rows + y * words
            for word in 0..<words { dark += top[word].nonzeroBitCount }
            guard y + 1 < size else { break }
            let bottom = top + words
            for word in 0..<words {
                let a = top[word], b = bottom[word]
                let nextA = word + 1 < words ? top[word + 1] : 0
                let nextB = word + 1 < words ? bottom[word + 1] : 0
                let rightA = a >> 1 | nextA << 63, rightB = b >> 1 | nextB << 63
                // A block at x: a[x] == b[x] == a[x+1] == b[x+1].
                let same = ~(a ^ b) & ~(rightA ^ rightB) & ~(a ^ rightA)
                blocks += (same & bitsBelow(size - 1, word: word)).nonzeroBitCount
            }
        }
        return blocks * n2 + balancePenalty(dark: dark, size: size)
    }

    /// N4: 10 points per full 5% step away from half dark.
    @inline(__always)
    static func balancePenalty(dark: Int, size: Int) -> Int {
        let total = size * size
        let k = (abs(dark * 20 - total * 10) + total - 1) / total - 1
        return k * n4
    }

    /// The bits of word `word` (of a multi-word line) whose position is below `count`.
    @inline(__always)
    static func bitsBelow(_ count: Int, word: Int) -> UInt64 {
        let remaining = count - word * 64
        if remaining >= 64 { return ~0 }
        if remaining <= 0 { return 0 }
        return (1 << UInt64(remaining)) - 1
    }

    // MARK: Lines of one word

    /// N1 + N3 of a line of at most `singleWordLength` modules.
    @inline(__always)
    static func singleWordLinePenalty(_ line: UInt64, length: Int) -> Int {
        let p = line << UInt64(padding)  // module x is bit x + 4; everything else is light
        // N1: f has a bit at each start of five equal modules; a run of L ≥ 5 gives L − 4 bits.
        let s1 = p >> 1, s2 = p >> 2, s3 = p >> 3, s4 = p >> 4
        let same = ~(p ^ s1) & ~(s1 ^ s2) & ~(s2 ^ s3) & ~(s3 ^ s4)
        let starts: UInt64 = ((1 << UInt64(length)) - 1) & ~((1 << UInt64(padding)) - 1)  // q in 4 ..< length
        let f = same & starts
        var penalty = f.nonzeroBitCount + 2 * (f & ~(f << 1)).nonzeroBitCount
        // N3, unit 1: "0 1011101 0" at q, with three more light before (q-3 … q-1) or after
        // (q+9 … q+11). Shifting in zeros reads the quiet zone as light.
        let s5 = p >> 5, s6 = p >> 6, s7 = p >> 7, s8 = p >> 8
        let core = ~p & s1 & ~s2 & s3 & s4 & s5 & ~s6 & s7 & ~s8
        var patterns = 0
        if core != 0 {
            let lightBefore = ~(p << 1) & ~(p << 2) & ~(p << 3)
            let lightAfter = ~(p >> 9) & ~(p >> 10) & ~(p >> 11)
            patterns = (core & lightBefore).nonzeroBitCount + (core & lightAfter).nonzeroBitCount
        }
        // A scaled pattern's middle run is 3n ≥ 6 dark: look for runs of exactly 6, exactly 9
        // or at least 12 (finder patterns' runs of 7 do not qualify).
        if hasScaledCandidate(p, s1, s2, s3, s4, s5, s6, s7, s8, p >> 9, p >> 10, p >> 11,
                              before1: p << 1, before2: p << 2, before3: p << 3) {
            var word = p
            patterns += scaledPatterns(&word, words: 1, length: length)
        }
        penalty += patterns * n3
        return penalty
    }

    // MARK: Lines of several words

    /// N1 + N3 of a line of any length; `scratch` holds at least `lineWords + 3` words.
    static func multiWordLinePenalty(_ line: UnsafePointer<UInt64>, length: Int, scratch p: UnsafeMutablePointer<UInt64>) -> Int {
        let lineWords = (length + 63) >> 6
        // Words to scan: the padded line plus 12 bits of look-ahead; one more word of zeros
        // follows so that `s(word, k)` can always read `word + 1`.
        let words = max(lineWords + 1, (length + padding + 12 + 63) >> 6)
        var carry: UInt64 = 0
        for index in 0..<lineWords {
            p[index] = line[index] << UInt64(padding) | carry
            carry = line[index] >> UInt64(64 - padding)
        }
        p[lineWords] = carry
        for index in (lineWords + 1)...words { p[index] = 0 }

        /// Word `word` of the padded line moved down by `k` bits.
        @inline(__always) func s(_ word: Int, _ k: Int) -> UInt64 {
            k == 0 ? p[word] : p[word] >> UInt64(k) | p[word + 1] << UInt64(64 - k)
        }
        /// Word `word` of the padded line moved up by `k` bits (light shifted in).
        @inline(__always) func up(_ word: Int, _ k: Int) -> UInt64 {
            word == 0 ? p[0] << UInt64(k) : p[word] << UInt64(k) | p[word - 1] >> UInt64(64 - k)
        }

        var penalty = 0
        var patterns = 0
        var previousF: UInt64 = 0
        var scaledCandidate = false
        for word in 0..<words {
            let s0 = s(word, 0), s1 = s(word, 1), s2 = s(word, 2), s3 = s(word, 3), s4 = s(word, 4)
            let same = ~(s0 ^ s1) & ~(s1 ^ s2) & ~(s2 ^ s3) & ~(s3 ^ s4)
            let f = same & bitsBelow(length, word: word) & ~bitsBelow(padding, word: word)
            penalty += f.nonzeroBitCount + 2 * (f & ~(f << 1 | previousF >> 63)).nonzeroBitCount
            previousF = f

            let s5 = s(word, 5), s6 = s(word, 6), s7 = s(word, 7), s8 = s(word, 8)
            let core = ~s0 & s1 & ~s2 & s3 & s4 & s5 & ~s6 & s7 & ~s8
            if core != 0 {
                let lightBefore = ~up(word, 1) & ~up(word, 2) & ~up(word, 3)
                let lightAfter = ~s(word, 9) & ~s(word, 10) & ~s(word, 11)
                patterns += (core & lightBefore).nonzeroBitCount + (core & lightAfter).nonzeroBitCount
            }
            if hasScaledCandidate(s0, s1, s2, s3, s4, s5, s6, s7, s8, s(word, 9), s(word, 10), s(word, 11),
                                  before1: up(word, 1), before2: up(word, 2), before3: up(word, 3)) {
                scaledCandidate = true
            }
        }
        if scaledCandidate { patterns += scaledPatterns(p, words: words, length: length) }
        return penalty + patterns * n3
    }

    // MARK: Scaled finder-like patterns

    /// Whether the word may hold the middle of a scaled pattern: a dark run of exactly 6 with
    /// at least 2 light on both sides (unit 2), exactly 9 with at least 3 light on both sides
    /// (unit 3), or at least 12 (unit 4 and up). `s0`…`s11` are the line moved down by 0…11
    /// bits, `before1`…`before3` moved up by 1…3.
    @inline(__always)
    static func hasScaledCandidate(
        _ s0: UInt64, _ s1: UInt64, _ s2: UInt64, _ s3: UInt64, _ s4: UInt64, _ s5: UInt64,
        _ s6: UInt64, _ s7: UInt64, _ s8: UInt64, _ s9: UInt64, _ s10: UInt64, _ s11: UInt64,
        before1: UInt64, before2: UInt64, before3: UInt64
    ) -> Bool {
        let six = ~before1 & ~before2 & s0 & s1 & s2 & s3 & s4 & s5
        guard six != 0 else { return false }
        let unitTwo = six & ~s6 & ~s7
        let unitThree = six & ~before3 & s6 & s7 & s8 & ~s9 & ~s10 & ~s11
        let unitFourOrMore = six & s6 & s7 & s8 & s9 & s10 & s11
        return unitTwo | unitThree | unitFourOrMore != 0
    }

    /// Patterns with unit ≥ 2 in a padded line, by walking its runs from one colour change to
    /// the next (`words` words, light beyond the line).
    static func scaledPatterns(_ p: UnsafePointer<UInt64>, words: Int, length: Int) -> Int {
        var history = RunHistory(border: length)
        var count = 0
        var runStart = 0  // in module coordinates
        var dark = false
        var previous: UInt64 = 0
        for word in 0..<words {
            let bits = p[word]
            // A set bit where a module differs from the one before it, inside the line only.
            var changes = (bits ^ (bits << 1 | previous >> 63))
                & bitsBelow(length + padding, word: word) & ~bitsBelow(padding, word: word)
            previous = bits
            while changes != 0 {
                let x = word * 64 + changes.trailingZeroBitCount - padding
                changes &= changes - 1
                history.push(x - runStart)
                if !dark { count += history.scaledFinderLikePatterns() }  // a light run ended
                dark.toggle()
                runStart = x
            }
        }
        var run = length - runStart
        if dark {
            history.push(run)
            run = 0
        }
        history.push(run + length)
        return count + history.scaledFinderLikePatterns()
    }
}

/// The last seven run lengths of a line, newest first, alternating colours.
/// The first run of a line is extended by the light border outside the symbol.
struct RunHistory {
    private let border: Int
    private var h0 = 0, h1 = 0, h2 = 0, h3 = 0, h4 = 0, h5 = 0, h6 = 0

    init(border: Int) { self.border = border }

    mutating func push(_ run: Int) {
        let length = h0 == 0 ? run + border : run
        h6 = h5; h5 = h4; h4 = h3; h3 = h2; h2 = h1; h1 = h0; h0 = length
    }

    /// Called when the newest run (h0) is light: counts 1:1:3:1:1 patterns of unit ≥ 2 in
    /// h1…h5 with a light run of 4 units before or after them (0, 1 or 2). Unit-1 patterns
    /// are counted bit-parallel instead.
    func scaledFinderLikePatterns() -> Int {
        let unit = h1
        guard unit > 1, h2 == unit, h3 == unit * 3, h4 == unit, h5 == unit else { return 0 }
        var count = 0
        if h0 >= unit * 4 && h6 >= unit { count += 1 }
        if h6 >= unit * 4 && h0 >= unit { count += 1 }
        return count
    }
}
