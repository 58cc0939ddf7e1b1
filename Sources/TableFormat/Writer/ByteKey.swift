#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string compared and hashed by its UTF-8 bytes. (`String`'s own `==` treats canonically
/// equivalent strings as equal, `"é"` and `"e\u{301}"`; the table keeps bytes exactly.)
struct ByteKey: Hashable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool {
        bytesEqual(lhs.text, rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    static func bytesEqual(_ lhs: String, _ rhs: String) -> Bool {
        guard lhs.utf8.count == rhs.utf8.count else { return false }
        return StringPoolBuilder.withBytes(of: lhs) { left in StringPoolBuilder.withBytes(of: rhs) { right in compare(left, right) == 0 } }
    }

    /// Bytewise order (what the table sorts by).
    static func bytesPrecede(_ lhs: String, _ rhs: String) -> Bool {
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in rhs.withUTF8 { right in compare(UnsafeRawBufferPointer(left), UnsafeRawBufferPointer(right)) < 0 } }
    }

    /// -1, 0 or 1, bytewise; a proper prefix sorts first. (`memcmp`: table strings share
    /// long prefixes, which a byte loop walks one at a time.)
    @inline(__always)
    static func compare(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Int {
        let common = min(left.count, right.count)
        if common > 0, let l = left.baseAddress, let r = right.baseAddress {
            let order = memcmp(l, r, common)
            if order != 0 { return order < 0 ? -1 : 1 }
        }
        return left.count == right.count ? 0 : (left.count < right.count ? -1 : 1)
    }
}
