/// A generated file's text, built directly as UTF-8 bytes. Each line is copied once, into one
/// growing buffer, instead of living as a `String` of its own until the lines are joined and the
/// result copied again into bytes: at a million codes a map file is hundreds of megabytes, and
/// its lines as separate strings take several times that.
struct TextOutput {
    private(set) var bytes: [UInt8] = []

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// `text` without a line feed.
    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// `text`, then a line feed.
    mutating func line(_ text: String) {
        append(text)
        bytes.append(0x0A)
    }

    mutating func append(_ slice: ArraySlice<UInt8>) {
        bytes.append(contentsOf: slice)
    }

    static func += (output: inout TextOutput, lines: [String]) {
        for line in lines { output.line(line) }
    }
}
