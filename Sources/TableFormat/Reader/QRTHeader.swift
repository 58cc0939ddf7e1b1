/// The header and section directory of a `.qrt` file, checked (docs/table-format.md,
/// "Header" and "Section directory").
struct QRTHeader: Sendable {
    /// File ranges of the sections, in `QRTLayout.sections` order.
    var sections: [Range<Int>]
    var sectionChecksums: [UInt32]
    var codeCount: Int

    func range(_ section: QRTLayout.Section) -> Range<Int> { sections[section.rawValue] }

    static func read(_ bytes: RawBytes) throws(QRTError) -> QRTHeader {
        guard bytes.count >= QRTLayout.headerSize else { throw .tooShort(actual: bytes.count) }
        let magic = bytes.array(0..<8)
        guard magic == QRTLayout.magic else { throw .badMagic(found: magic) }
        let version = bytes.u16(8)
        guard version == QRTLayout.version else { throw .unsupportedVersion(Int(version)) }
        let fileSize = bytes.u64(16)
        let directoryEnd = QRTLayout.headerSize + QRTLayout.directorySize
        guard bytes.count >= directoryEnd else {
            throw .truncated(expected: Int(clamping: fileSize), actual: bytes.count)
        }
        let stored = bytes.u32(28)
        let computed = ~CRC32C.update(CRC32C.update(0xFFFF_FFFF, bytes.buffer(0..<28)), bytes.buffer(QRTLayout.headerSize..<directoryEnd))
        guard stored == computed else { throw .checksumMismatch(section: "header", stored: stored, computed: computed) }
        guard fileSize <= UInt64(bytes.count) else { throw .truncated(expected: Int(clamping: fileSize), actual: bytes.count) }
        guard fileSize == UInt64(bytes.count) else { throw .trailingBytes(expected: Int(fileSize), actual: bytes.count) }

        let sectionCount = Int(bytes.u16(10))
        guard sectionCount == QRTLayout.sections.count else {
            throw .malformed("the header lists \(sectionCount) sections; version 1 has \(QRTLayout.sections.count)")
        }
        let flags = bytes.u32(12)
        guard flags == 0 else { throw .malformed("unknown header flags \(QRTError.hex32(flags))") }
        let codeCount = Int(bytes.u32(24))

        var sections: [Range<Int>] = []
        var checksums: [UInt32] = []
        var expected = QRTLayout.firstSectionOffset
        for section in QRTLayout.sections {
            let entry = QRTLayout.headerSize + section.rawValue * QRTLayout.directoryEntrySize
            let tag = bytes.u32(entry)
            guard tag == section.tagValue else {
                throw .malformed("directory entry \(section.rawValue + 1) is \(tagText(tag)), expected \(section.tag)")
            }
            let offset = Int(bytes.u32(entry + 4))
            let length = Int(bytes.u32(entry + 8))
            guard offset == expected else {
                throw .malformed("section \(section.tag) starts at byte \(offset), expected \(expected)")
            }
            guard offset + length <= bytes.count else {
                throw .malformed("section \(section.tag) (bytes \(offset)..<\(offset + length)) runs past the end of the file (\(bytes.count) bytes)")
            }
            sections.append(offset..<offset + length)
            checksums.append(bytes.u32(entry + 12))
            expected = QRTLayout.align(offset + length)
        }
        guard let last = sections.last, last.upperBound == bytes.count else {
            throw .malformed("the last section does not end where the file does")
        }
        let header = QRTHeader(sections: sections, sectionChecksums: checksums, codeCount: codeCount)
        try header.checkSizes()
        return header
    }

    private func checkSizes() throws(QRTError) {
        let domains = range(.domains).count
        guard domains % QRTLayout.domainRecordSize == 0 else {
            throw .malformed("section DOMS: \(domains) bytes is not a whole number of \(QRTLayout.domainRecordSize)-byte domain records")
        }
        let codes = range(.codes).count
        guard codes == codeCount * QRTLayout.codeRecordSize else {
            throw .malformed("section CODE: \(codes) bytes, but the header counts \(codeCount) codes of \(QRTLayout.codeRecordSize) bytes")
        }
        let slots = QRTLayout.slotCount(codes: codeCount)
        guard range(.index).count == slots * QRTLayout.slotSize else {
            throw .malformed("section HASH: \(range(.index).count) bytes, expected \(slots) slots of \(QRTLayout.slotSize) bytes for \(codeCount) codes")
        }
    }

    /// Whether the section's bytes have the checksum the directory records.
    func checkChecksum(_ section: QRTLayout.Section, _ bytes: RawBytes) throws(QRTError) {
        let computed = CRC32C.checksum(bytes.buffer(range(section)))
        let stored = sectionChecksums[section.rawValue]
        guard computed == stored else { throw .checksumMismatch(section: section.tag, stored: stored, computed: computed) }
    }

    static func tagText(_ tag: UInt32) -> String {
        let bytes = (0..<4).map { UInt8(truncatingIfNeeded: tag >> (8 * $0)) }
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return "0x" + String(QRTError.hex(bytes.reversed()).filter { $0 != " " }) }
        return "`" + String(decoding: bytes, as: UTF8.self) + "`"
    }
}
