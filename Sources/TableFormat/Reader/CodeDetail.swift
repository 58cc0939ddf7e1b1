import Catalog
import Routing

/// A code's detail block decoded (docs/table-format.md, "Detail blocks"): everything of a
/// `TableCode` that is not in its fixed-size record.
struct CodeDetail {
    var status: Int
    var launch: Int64?
    var retire: Int64?
    var utm: [QueryParameter]
    var routes: [TableRoute]

    /// Decodes the block at `cursor`; `string` resolves pool references (and throws on a bad one).
    static func decode(_ cursor: inout Cursor, string: (UInt32) throws(QRTError) -> String) throws(QRTError) -> CodeDetail {
        let flags = try cursor.u8()
        guard flags & ~(QRTLayout.launchFlag | QRTLayout.retireFlag | QRTLayout.utmFlag | QRTLayout.routesFlag) == 0 else {
            throw cursor.fail("unknown flags \(flags)")
        }
        let status = try cursor.signed()
        guard let statusValue = Int(exactly: status) else { throw cursor.fail("status \(status) out of range") }
        var detail = CodeDetail(status: statusValue, launch: nil, retire: nil, utm: [], routes: [])
        if flags & QRTLayout.launchFlag != 0 { detail.launch = try instant(&cursor) }
        if flags & QRTLayout.retireFlag != 0 { detail.retire = try instant(&cursor) }
        if flags & QRTLayout.utmFlag != 0 {
            let count = try cursor.count(minimumSize: 2)
            detail.utm.reserveCapacity(count)
            for _ in 0..<count {
                let name = try string(try cursor.ref())
                let value = try string(try cursor.ref())
                detail.utm.append(QueryParameter(name: name, value: value))
            }
        }
        if flags & QRTLayout.routesFlag != 0 {
            let count = try cursor.count(minimumSize: 2)
            detail.routes.reserveCapacity(count)
            for _ in 0..<count { detail.routes.append(try route(&cursor, string: string)) }
        }
        return detail
    }

    static let devices: [Device] = [.ios, .android, .mobile, .desktop]

    static func instant(_ cursor: inout Cursor) throws(QRTError) -> Int64 {
        let seconds = try cursor.signed()
        guard QRTLayout.instants.contains(seconds) else { throw cursor.fail("instant \(seconds) is outside years 0000 to 9999") }
        return seconds
    }

    static func route(_ cursor: inout Cursor, string: (UInt32) throws(QRTError) -> String) throws(QRTError) -> TableRoute {
        let parts = try cursor.u8()
        guard parts & 0x80 == 0 else { throw cursor.fail("unknown route parts \(parts)") }
        var condition = TableCondition()
        if parts & QRTLayout.devicesPart != 0 {
            let count = try cursor.count()
            for _ in 0..<count {
                let value = try cursor.u8()
                guard Int(value) < devices.count else { throw cursor.fail("unknown device \(value)") }
                condition.devices.append(devices[Int(value)])
            }
        }
        if parts & QRTLayout.languagesPart != 0 {
            let count = try cursor.count()
            for _ in 0..<count { condition.languages.append(try string(try cursor.ref())) }
        }
        if parts & QRTLayout.countriesPart != 0 {
            let count = try cursor.count()
            for _ in 0..<count { condition.countries.append(try string(try cursor.ref())) }
        }
        if parts & QRTLayout.queryPart != 0 {
            let count = try cursor.count(minimumSize: 2)
            for _ in 0..<count {
                let name = try string(try cursor.ref())
                let value = try cursor.varint(limit: UInt64(UInt32.max) + 1)
                condition.query.append(QueryCondition(name: name, value: value == 0 ? nil : try string(UInt32(value - 1))))
            }
        }
        if parts & QRTLayout.afterPart != 0 { condition.after = try instant(&cursor) }
        if parts & QRTLayout.beforePart != 0 { condition.before = try instant(&cursor) }
        if parts & QRTLayout.splitPart != 0 {
            let count = try cursor.count(minimumSize: 2)
            var arms: [TableSplitArm] = []
            arms.reserveCapacity(count)
            var total: UInt64 = 0
            for _ in 0..<count {
                let weight = try cursor.signed()
                guard weight >= 1, UInt64(weight) <= QRTLayout.maxTotalWeight - total else {
                    throw cursor.fail("split weight \(weight) out of range (weights are at least 1 and add up to at most \(QRTLayout.maxTotalWeight))")
                }
                total += UInt64(weight)
                arms.append(TableSplitArm(weight: Int(weight), target: try string(try cursor.ref())))
            }
            return TableRoute(condition: condition, outcome: .split(arms))
        }
        return TableRoute(condition: condition, outcome: .target(try string(try cursor.ref())))
    }
}
