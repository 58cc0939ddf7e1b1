/// The artwork entries of a sealed staging folder's manifest (`StagingSeals.Artwork.entries`:
/// `FileLayout` entries separated by commas, in path order), looked up by name with a binary
/// search over the bytes, a few hundred bytes read per step; and the list a patched build
/// writes from them (`ArtworkPatch`): the old entries copied as byte ranges, around the removed
/// ones, with the new ones in their places.
///
/// Only names `BuildManifest` writes as they are (printable ASCII but `"` and `\`) are looked
/// up; anything out of place is `Malformed`, and the build then stages the whole plan.
struct ListedArtworkEntries: Sendable {
    struct Malformed: Error {}

    let manifest: OpenFile
    let region: Range<Int>

    struct Entry: Sendable, Equatable {
        var range: Range<Int>
        /// The file name inside `artwork/`.
        var name: [UInt8]
        var listed: StagingRecord.Listed
    }

    /// A piece of the patched list: a run of old entries (commas between them included), or a
    /// new entry.
    enum Piece: Sendable, Equatable {
        case old(Range<Int>)
        case new([UInt8])
    }

    /// The entry named `name`.
    func entry(named name: String) throws(Malformed) -> Entry {
        let target = Array(name.utf8)
        guard Self.isPlain(target), let found = try firstEntry(notBefore: target), found.name == target else { throw Malformed() }
        return found
    }

    /// Where an entry named `name` goes: the start of the first entry that does not precede it,
    /// or the region's end.
    func insertionPoint(of name: String) throws(Malformed) -> Int {
        let target = Array(name.utf8)
        guard Self.isPlain(target) else { throw Malformed() }
        return try firstEntry(notBefore: target)?.range.lowerBound ?? region.upperBound
    }

    /// The first entry whose name is not bytewise before `target`.
    private func firstEntry(notBefore target: [UInt8]) throws(Malformed) -> Entry? {
        var (low, high) = (region.lowerBound, region.upperBound)
        var best: Entry?
        while low < high {
            let middle = low + (high - low) / 2
            guard let entry = try entry(from: middle, before: high) else {
                high = middle
                continue
            }
            if entry.name.lexicographicallyPrecedes(target) {
                low = entry.range.upperBound
            } else {
                best = entry
                high = middle
            }
        }
        return best
    }

    /// Longer than any entry (a name is at most `ArtworkFileName.maxBytes` plus an extension).
    static let window = 1_024

    /// The first entry that starts at or after `offset` and before `limit`.
    func entry(from offset: Int, before limit: Int) throws(Malformed) -> Entry? {
        let open = FileLayout.open
        guard let bytes = manifest.read(offset..<min(offset + Self.window, region.upperBound)) else { throw Malformed() }
        guard let found = Self.find(open, in: bytes) else {
            // No entry starts in the window: none can before `limit` unless the window ended first.
            if offset + bytes.count >= min(limit, region.upperBound) { return nil }
            throw Malformed()
        }
        let start = offset + found
        guard start < limit else { return nil }
        let entryBytes = found + Self.window / 2 <= bytes.count || offset + bytes.count == region.upperBound
            ? Array(bytes[found...])
            : manifest.read(start..<min(start + Self.window, region.upperBound))
        guard let entryBytes else { throw Malformed() }
        return try Self.parse(entryBytes, at: start)
    }

    /// The entry at the front of `bytes`, which start at `start` in the manifest, read as
    /// `StagingRecord` reads the whole list (`LayoutReader.entry`).
    static func parse(_ bytes: [UInt8], at start: Int) throws(Malformed) -> Entry {
        let artworkPrefix = Array((ArtworkStage.folder + "/").utf8)
        let entry = bytes.withUnsafeBufferPointer { buffer -> Entry? in
            var reader = LayoutReader(buffer)
            guard let (size, path, digest) = reader.entry(), buffer[path].starts(with: artworkPrefix) else { return nil }
            let name = Array(buffer[path].dropFirst(artworkPrefix.count))
            guard !name.isEmpty else { return nil }
            return Entry(range: start..<start + reader.position, name: name, listed: StagingRecord.Listed(digest: digest, size: size))
        }
        guard let entry else { throw Malformed() }
        return entry
    }

    /// What `BuildManifest` writes unescaped, and `StagingRecord` reads.
    static func isPlain(_ name: [UInt8]) -> Bool {
        name.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { LayoutReader($0).find(needle) }
    }

    /// The new entry of an artwork file, as `BuildManifest` lays it out.
    static func newEntry(name: String, size: Int, digest: SHA256.Digest) -> [UInt8] {
        var bytes = FileLayout.open
        bytes += String(size).utf8
        bytes += FileLayout.path
        bytes += (ArtworkStage.folder + "/" + name).utf8
        bytes += FileLayout.digest
        digest.appendHex(to: &bytes)
        bytes += FileLayout.close
        return bytes
    }

    /// The patched list: the region without the `removed` entries, with `inserted` entries
    /// (each at its `insertionPoint`, in name order) in their places.
    func pieces(removing removed: [Entry], inserting inserted: [(at: Int, bytes: [UInt8])]) -> [Piece] {
        // Insertions before removals at the same place: a replaced entry's new one goes where it was.
        let events = (inserted.map { (at: $0.at, removal: nil as Entry?, bytes: $0.bytes) }
            + removed.map { (at: $0.range.lowerBound, removal: $0 as Entry?, bytes: [UInt8]()) })
            .enumerated()
            .sorted { ($0.element.at, $0.element.removal == nil ? 0 : 1, $0.offset) < ($1.element.at, $1.element.removal == nil ? 0 : 1, $1.offset) }
            .map(\.element)
        var pieces: [Piece] = []
        var cursor = region.lowerBound
        for event in events {
            // The old entries from the cursor to this place (without the comma that follows them).
            if event.at > cursor { pieces.append(.old(cursor..<(event.at == region.upperBound ? event.at : event.at - 1))) }
            if let removal = event.removal {
                cursor = removal.range.upperBound < region.upperBound ? removal.range.upperBound + 1 : region.upperBound
            } else {
                cursor = max(cursor, event.at)
                pieces.append(.new(event.bytes))
            }
        }
        if cursor < region.upperBound { pieces.append(.old(cursor..<region.upperBound)) }
        return pieces
    }

    /// The bytes `pieces` take, written with commas between them.
    static func length(of pieces: [Piece]) -> Int {
        pieces.reduce(max(0, pieces.count - 1)) { total, piece in
            switch piece {
            case .old(let range): total + range.count
            case .new(let bytes): total + bytes.count
            }
        }
    }

    func write(_ pieces: [Piece], path: String, to sink: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let comma: [UInt8] = [UInt8(ascii: ",")]
        for (index, piece) in pieces.enumerated() {
            if index > 0 { try comma.withUnsafeBufferPointer { try sink($0) } }
            switch piece {
            case .old(let range): try FileOps.copy(range, of: manifest, path: path, to: sink)
            case .new(let bytes): try bytes.withUnsafeBufferPointer { try sink($0) }
            }
        }
    }
}
