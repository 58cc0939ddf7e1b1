/// Turns a code id into the base name of its artwork files (`build/artwork/<id>.<ext>`), or
/// says why it cannot be one. Ids are checked by `id-convention` already; this is the last line
/// of defence, so that no id can write outside `build/artwork/`.
enum ArtworkFileName {
    /// 255 bytes is the common file-name limit; leave room for `.<ext>`.
    static let maxBytes = 200

    /// Nil when `id` is safe as a file name, else the reason it is not.
    static func problem(with id: String) -> String? {
        let bytes = id.utf8
        if bytes.isEmpty { return "it is empty" }
        if bytes.count > maxBytes { return "it is \(bytes.count) bytes long; file names allow \(maxBytes)" }
        if bytes.first == UInt8(ascii: ".") { return "it starts with a dot (hidden files, `.` and `..`)" }
        // One pass for the common case: printable ASCII other than `/` and `\`.
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: "\\") }) {
            return bytes.last == UInt8(ascii: " ") ? "it ends with a space" : nil
        }
        if bytes.contains(UInt8(ascii: "/")) { return "it contains `/`" }
        if bytes.contains(UInt8(ascii: "\\")) { return "it contains `\\`" }
        if bytes.contains(0) { return "it contains a NUL character" }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "it contains a control character" }
        if bytes.last == UInt8(ascii: " ") { return "it ends with a space" }
        return nil
    }

    /// The case-folded name two ids collide under on case-insensitive file systems.
    static func folded(_ id: String) -> String {
        id.lowercased()
    }
}
