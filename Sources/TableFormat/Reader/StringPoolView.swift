/// Reads strings from the `STRS` section in place (docs/table-format.md, "String pool"). A
/// string is a chain of nodes: the node a reference points at holds the string's total length
/// and its last bytes, and points back at its parent node, which holds the bytes before them.
/// Every step is bounds-checked and the chain is at most `QRTLayout.maxStringDepth` nodes, so
/// a reference into garbage gives an error (or a false match), never a trap or a long loop.
struct StringPoolView: @unchecked Sendable {
    let bytes: RawBytes
    /// The section's first byte and its end, as file offsets.
    let start: Int
    let end: Int

    var count: Int { end - start }

    /// One node: the whole string's length, where its own bytes start (file offset), and its
    /// parent's reference.
    struct Node {
        var total: Int
        var suffixStart: Int
        var parent: UInt32?
    }

    @inline(__always)
    func node(_ ref: UInt32) -> Node? {
        var position = start + Int(ref)
        guard Int(ref) < count else { return nil }
        // Header: total length << 1 | has-parent, then the distance back to the parent.
        guard let header = varint(&position), header >> 1 <= UInt64(Int32.max) else { return nil }
        var parent: UInt32?
        if header & 1 == 1 {
            guard let delta = varint(&position), delta >= 1, delta <= UInt64(ref) else { return nil }
            parent = ref - UInt32(delta)
        }
        return Node(total: Int(header >> 1), suffixStart: position, parent: parent)
    }

    @inline(__always)
    private func varint(_ position: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift <= 35 {
            let byte = bytes.u8(position)
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
        return nil
    }

    /// Calls `piece` for each part of the string from its end back to its start:
    /// (first byte of the part in the file, the part's position in the string, its length).
    /// False when the chain is malformed (out of range, too deep, lengths that do not add up).
    @inline(__always)
    func walk(_ ref: UInt32, _ piece: (_ from: Int, _ at: Int, _ length: Int) -> Bool) -> (total: Int, ok: Bool) {
        guard let node = node(ref) else { return (0, false) }
        return walk(from: node, piece)
    }

    @inline(__always)
    func walk(from leaf: Node, _ piece: (_ from: Int, _ at: Int, _ length: Int) -> Bool) -> (total: Int, ok: Bool) {
        var node = leaf
        let total = node.total
        var end = total
        var depth = 1
        while true {
            var parentNode: Node?
            if let parent = node.parent {
                guard depth < QRTLayout.maxStringDepth, let found = self.node(parent), found.total < end else { return (total, false) }
                parentNode = found
            }
            let at = parentNode?.total ?? 0
            let length = end - at
            guard node.suffixStart + length <= self.end else { return (total, false) }
            guard piece(node.suffixStart, at, length) else { return (total, false) }
            guard let next = parentNode else { return (total, true) }
            node = next
            end = at
            depth += 1
        }
    }

    /// The string, or nil when the reference or its chain is malformed. Invalid UTF-8 (only
    /// possible in a corrupt table) is repaired with U+FFFD, never trusted.
    func string(_ ref: UInt32) -> String? {
        withUnsafeTemporaryAllocation(of: (from: Int, at: Int, length: Int).self, capacity: QRTLayout.maxStringDepth) { pieces in
            var count = 0
            let chain = walk(ref) { from, at, length in
                guard count < pieces.count else { return false }
                pieces[count] = (from, at, length)
                count += 1
                return true
            }
            guard chain.ok else { return nil }
            if chain.total == 0 { return "" }
            return String(unsafeUninitializedCapacity: chain.total) { buffer in
                guard let target = buffer.baseAddress else { return 0 }
                for index in 0..<count {
                    let piece = pieces[index]
                    UnsafeMutableRawPointer(target + piece.at).copyMemory(from: bytes.base + piece.from, byteCount: piece.length)
                }
                return chain.total
            }
        }
    }

    /// The string's bytes into `scratch` (replacing its contents); false when malformed.
    func copy(_ ref: UInt32, into scratch: inout [UInt8]) -> Bool {
        let check = walk(ref) { _, _, _ in true }
        guard check.ok else { return false }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: repeatElement(0, count: check.total))
        return scratch.withUnsafeMutableBytes { buffer in
            walk(ref) { from, at, length in
                guard at + length <= buffer.count, let target = buffer.baseAddress else { return length == 0 }
                (target + at).copyMemory(from: bytes.base + from, byteCount: length)
                return true
            }.ok
        }
    }

    /// Whether the string equals `key` (after folding A–Z to a–z when `fold`), compared in
    /// place without building a String.
    @inline(__always)
    func matches(_ ref: UInt32, _ key: UnsafeRawBufferPointer, fold: Bool) -> Bool {
        guard let node = node(ref), node.total == key.count else { return false }
        return walk(from: node) { from, at, length in
            var index = 0
            while index < length {
                var byte = bytes.u8(from + index)
                if fold, byte &- 0x41 < 26 { byte |= 0x20 }
                if byte != key[at + index] { return false }
                index += 1
            }
            return true
        }.ok
    }
}
