/// A run of consecutive units encoded in one mode.
struct PlannedRun: Equatable {
    var mode: Segment.Mode
    var unitStart: Int
    var unitEnd: Int
    var byteStart: Int
    var byteEnd: Int

    var unitCount: Int { unitEnd - unitStart }
    /// The character count written in the header: bytes in byte mode, units otherwise.
    var characterCount: Int { mode == .byte ? byteEnd - byteStart : unitCount }
}

/// The segments chosen for one version class and their exact size.
struct SegmentPlan {
    var versionClass: VersionClass
    var eciAssignment: Int?
    var runs: [PlannedRun]
    /// Total bits of the data stream before the terminator, ECI header included.
    var bitCount: Int
}

/// Optimal segmentation by dynamic programming over the modes (cf. ISO/IEC 18004 Annex J,
/// which gives heuristics; this finds the true minimum).
///
/// The state after each unit is the mode of the segment holding it, with the number of
/// characters in a numeric segment mod 3 and in an alphanumeric segment mod 2, because
/// that is what the next character costs: numeric digits cost 4, 3, 3 bits (10 per group
/// of three), alphanumeric characters 6, 5 bits (11 per pair), bytes 8 bits per byte, kanji
/// 13 bits. Starting a segment costs its 4-bit mode indicator plus the character-count
/// field, whose width depends on the version class, so the plan is made per class.
enum SegmentPlanner {
    // States: numeric with count ≡ 0, 1, 2 (mod 3); alphanumeric ≡ 0, 1 (mod 2); byte; kanji.
    private static let numeric0 = 0, numeric1 = 1, numeric2 = 2
    private static let alpha0 = 3, alpha1 = 4, byteState = 5, kanjiState = 6
    private static let stateCount = 7
    private static let unreachable = Int.max / 4
    /// A predecessor with this bit set means the unit starts a new segment.
    private static let newSegment: UInt8 = 0x80
    private static let noPredecessor: UInt8 = 0xFF

    private static func mode(ofState state: Int) -> Segment.Mode {
        switch state {
        case numeric0, numeric1, numeric2: .numeric
        case alpha0, alpha1: .alphanumeric
        case byteState: .byte
        default: .kanji
        }
    }

    /// The cheapest plan for `input` in a version class.
    /// - Parameters:
    ///   - allowKanji: whether Kanji mode may be used (text input only).
    ///   - forbidNonASCIIBytes: whether non-ASCII units must avoid byte mode (no ECI planned);
    ///     returns nil when that is impossible.
    static func plan(
        _ input: TextUnits,
        versionClass: VersionClass,
        eciAssignment: Int?,
        allowKanji: Bool,
        forbidNonASCIIBytes: Bool
    ) -> SegmentPlan? {
        let units = input.units
        let count = units.count
        let eciBits = eciAssignment.map { 4 + SegmentWriter.eciDesignatorBits($0) } ?? 0
        guard count > 0 else {
            return SegmentPlan(versionClass: versionClass, eciAssignment: eciAssignment, runs: [], bitCount: eciBits)
        }
        let headerNumeric = 4 + Segment.Mode.numeric.countBits(versionClass)
        let headerAlpha = 4 + Segment.Mode.alphanumeric.countBits(versionClass)
        let headerByte = 4 + Segment.Mode.byte.countBits(versionClass)
        let headerKanji = 4 + Segment.Mode.kanji.countBits(versionClass)

        var predecessors = [UInt8](repeating: noPredecessor, count: count * stateCount)
        var cost = (unreachable, unreachable, unreachable, unreachable, unreachable, unreachable, unreachable)

        predecessors.withUnsafeMutableBufferPointer { predecessors in
            for index in 0..<count {
                let unit = units[index]
                let previous = cost
                let (best, bestState) = index == 0 ? (0, noPredecessor) : minimum(previous)
                let startFrom = bestState == noPredecessor ? noPredecessor : bestState | newSegment
                var next = (unreachable, unreachable, unreachable, unreachable, unreachable, unreachable, unreachable)
                let row = index * stateCount

                if unit.flags & TextUnits.digit != 0 {
                    (next.1, predecessors[row + numeric1]) =
                        choose(continuing: previous.0 + 4, from: UInt8(numeric0), starting: best + headerNumeric + 4, from: startFrom)
                    next.2 = previous.1 + 3
                    predecessors[row + numeric2] = UInt8(numeric1)
                    next.0 = previous.2 + 3
                    predecessors[row + numeric0] = UInt8(numeric2)
                }
                if unit.flags & TextUnits.alphanumeric != 0 {
                    (next.4, predecessors[row + alpha1]) =
                        choose(continuing: previous.3 + 6, from: UInt8(alpha0), starting: best + headerAlpha + 6, from: startFrom)
                    next.3 = previous.4 + 5
                    predecessors[row + alpha0] = UInt8(alpha1)
                }
                if !(forbidNonASCIIBytes && unit.flags & TextUnits.nonASCII != 0) {
                    let bits = 8 * Int(unit.length)
                    (next.5, predecessors[row + byteState]) =
                        choose(continuing: previous.5 + bits, from: UInt8(byteState), starting: best + headerByte + bits, from: startFrom)
                }
                if allowKanji && unit.flags & TextUnits.kanji != 0 {
                    (next.6, predecessors[row + kanjiState]) =
                        choose(continuing: previous.6 + 13, from: UInt8(kanjiState), starting: best + headerKanji + 13, from: startFrom)
                }
                cost = clamp(next)
            }
        }
        let (total, lastState) = minimum(cost)
        guard total < unreachable else { return nil }

        // No version holds more characters of a mode than its count field can count
        // (CapacityTests), so every run fits one segment.
        let runs = backtrack(predecessors, lastState: Int(lastState), input: input)
        return SegmentPlan(versionClass: versionClass, eciAssignment: eciAssignment, runs: runs,
                           bitCount: total + eciBits)
    }

    private typealias Costs = (Int, Int, Int, Int, Int, Int, Int)

    @inline(__always)
    private static func choose(continuing: Int, from continued: UInt8, starting: Int, from started: UInt8) -> (Int, UInt8) {
        continuing <= starting ? (continuing, continued) : (starting, started)
    }

    @inline(__always)
    private static func clamp(_ costs: Costs) -> Costs {
        (min(costs.0, unreachable), min(costs.1, unreachable), min(costs.2, unreachable), min(costs.3, unreachable),
         min(costs.4, unreachable), min(costs.5, unreachable), min(costs.6, unreachable))
    }

    @inline(__always)
    private static func minimum(_ costs: Costs) -> (Int, UInt8) {
        var best = costs.0, state = 0
        if costs.1 < best { best = costs.1; state = 1 }
        if costs.2 < best { best = costs.2; state = 2 }
        if costs.3 < best { best = costs.3; state = 3 }
        if costs.4 < best { best = costs.4; state = 4 }
        if costs.5 < best { best = costs.5; state = 5 }
        if costs.6 < best { best = costs.6; state = 6 }
        return (best, UInt8(state))
    }

    /// Walks the predecessor links back from the last unit and cuts runs where a new
    /// segment starts.
    private static func backtrack(_ predecessors: [UInt8], lastState: Int, input: TextUnits) -> [PlannedRun] {
        var runs = [PlannedRun]()
        var state = lastState
        var runEnd = input.units.count
        var index = input.units.count - 1
        while index >= 0 {
            let predecessor = predecessors[index * stateCount + state]
            let startsSegment = predecessor == noPredecessor || predecessor & newSegment != 0
            if startsSegment {
                runs.append(makeRun(mode(ofState: state), units: index..<runEnd, input: input))
                runEnd = index
            }
            if predecessor != noPredecessor { state = Int(predecessor & ~newSegment) }
            index -= 1
        }
        runs.reverse()
        return runs
    }

    static func makeRun(_ mode: Segment.Mode, units range: Range<Int>, input: TextUnits) -> PlannedRun {
        let first = input.units[range.lowerBound]
        let last = input.units[range.upperBound - 1]
        return PlannedRun(mode: mode, unitStart: range.lowerBound, unitEnd: range.upperBound,
                          byteStart: Int(first.start), byteEnd: Int(last.start) + Int(last.length))
    }

    /// Writes the planned segments (ECI designator first) to a bit stream.
    static func write(_ plan: SegmentPlan, input: TextUnits, to buffer: inout BitBuffer) {
        if let assignment = plan.eciAssignment {
            buffer.append(Segment.Mode.eci.indicator, bits: 4)
            SegmentWriter.writeECIDesignator(assignment, to: &buffer)
        }
        for run in plan.runs {
            buffer.append(run.mode.indicator, bits: 4)
            buffer.append(UInt32(run.characterCount), bits: run.mode.countBits(plan.versionClass))
            let bytes = input.bytes[run.byteStart..<run.byteEnd]
            switch run.mode {
            case .numeric: SegmentWriter.writeNumeric(bytes, to: &buffer)
            case .alphanumeric: SegmentWriter.writeAlphanumeric(bytes, to: &buffer)
            case .byte: for byte in bytes { buffer.append(UInt32(byte), bits: 8) }
            case .kanji:
                for unit in input.units[run.unitStart..<run.unitEnd] { buffer.append(UInt32(unit.kanji), bits: 13) }
            case .eci: break
            }
        }
    }
}
