// Every SIMDOperator, applied by the code under test (SIMDTestDispatch.swift) and by the lane
// model (SIMDOperatorModel.swift) to operand vectors rich in edge values.

import WasmCore
import XCTest

final class SIMDOperatorReferenceTests: XCTestCase {
    /// Shift counts (and splat operands) that cover "modulo the lane width" at every width.
    private static let scalars: [UInt64] = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256,
                                            0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0x7FC0_0000, 0xFFF8_0000_0000_0001]

    func testEveryOperatorMatchesTheLaneModel() {
        var vectors = EdgeVectors(seed: 0x5EED_51AD)
        var checked = 0
        for op in SIMDOperator.allCases {
            for i in 0..<1500 {
                let a = vectors.next(), b = vectors.next(), c = vectors.next()
                let scalar = i % 2 == 0 ? Self.scalars[(i / 2) % Self.scalars.count] : a.low ^ b.high
                laneModel(op, a, b, c, scalar: scalar).check(applySIMD(op, a, b, c, scalar: scalar), "\(op) a=\(a) b=\(b) c=\(c) scalar=0x\(String(scalar, radix: 16))")
                checked += 1
            }
        }
        XCTAssertEqual(checked, SIMDOperator.allCases.count * 1500)
    }
}
