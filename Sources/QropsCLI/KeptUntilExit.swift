/// Keeps a large value alive until the process exits, so that it is never freed.
///
/// A command that is about to exit does not need to free a catalog of 100,000 codes object
/// by object (a fifth of a second of CPU on the benchmark portfolio, on one core, after the
/// output is written): the operating system reclaims the memory at once. The same trade as
/// clang's `-disable-free`. Only for values a command holds until its very end.
enum KeptUntilExit {
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Holder(value))
    }

    private final class Holder<Held> {
        let value: Held

        init(_ value: Held) { self.value = value }
    }
}
