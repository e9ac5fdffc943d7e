// Structure › Vector instructions (spec §2.4.6), binary opcodes after the 0xFD prefix (§5.4.8).

/// Vector loads (§5.4.8): each reads memory at an i32 address and produces a v128.
/// Raw value = sub-opcode.
public enum SIMDLoadOperator: UInt8, Hashable, Sendable, CaseIterable {
    case v128Load = 0
    case v128Load8x8S = 1, v128Load8x8U, v128Load16x4S, v128Load16x4U, v128Load32x2S, v128Load32x2U
    case v128Load8Splat = 7, v128Load16Splat, v128Load32Splat, v128Load64Splat
    case v128Load32Zero = 92, v128Load64Zero = 93

    /// Bytes read from memory; the largest alignment exponent allowed is log2 of this.
    public var byteWidth: Int {
        switch self {
        case .v128Load: 16
        case .v128Load8x8S, .v128Load8x8U, .v128Load16x4S, .v128Load16x4U, .v128Load32x2S, .v128Load32x2U: 8
        case .v128Load8Splat: 1
        case .v128Load16Splat: 2
        case .v128Load32Splat, .v128Load32Zero: 4
        case .v128Load64Splat, .v128Load64Zero: 8
        }
    }
}

/// Lane loads and stores (§5.4.8): a memory immediate and a lane index.
public enum SIMDMemoryLaneOperator: UInt8, Hashable, Sendable, CaseIterable {
    case v128Load8Lane = 84, v128Load16Lane, v128Load32Lane, v128Load64Lane
    case v128Store8Lane = 88, v128Store16Lane, v128Store32Lane, v128Store64Lane

    public var isStore: Bool { rawValue >= 88 }
    /// Bytes accessed: also the lane width.
    public var byteWidth: Int { 1 << Int((rawValue - 84) % 4) }
    /// Number of lanes of that width in a v128 (lane indices must be below it).
    public var laneCount: Int { 16 / byteWidth }
}

/// Lane extraction and replacement (§5.4.8): a lane index immediate.
public enum SIMDLaneOperator: UInt8, Hashable, Sendable, CaseIterable {
    case i8x16ExtractLaneS = 21, i8x16ExtractLaneU, i8x16ReplaceLane
    case i16x8ExtractLaneS = 24, i16x8ExtractLaneU, i16x8ReplaceLane
    case i32x4ExtractLane = 27, i32x4ReplaceLane
    case i64x2ExtractLane = 29, i64x2ReplaceLane
    case f32x4ExtractLane = 31, f32x4ReplaceLane
    case f64x2ExtractLane = 33, f64x2ReplaceLane

    /// The scalar type of a lane.
    public var laneType: ValueType {
        switch self {
        case .i8x16ExtractLaneS, .i8x16ExtractLaneU, .i8x16ReplaceLane,
             .i16x8ExtractLaneS, .i16x8ExtractLaneU, .i16x8ReplaceLane,
             .i32x4ExtractLane, .i32x4ReplaceLane: .i32
        case .i64x2ExtractLane, .i64x2ReplaceLane: .i64
        case .f32x4ExtractLane, .f32x4ReplaceLane: .f32
        case .f64x2ExtractLane, .f64x2ReplaceLane: .f64
        }
    }

    public var laneCount: Int {
        switch rawValue {
        case 21...23: 16
        case 24...26: 8
        case 27, 28, 31, 32: 4
        default: 2
        }
    }

    public var isReplace: Bool {
        switch self {
        case .i8x16ReplaceLane, .i16x8ReplaceLane, .i32x4ReplaceLane, .i64x2ReplaceLane,
             .f32x4ReplaceLane, .f64x2ReplaceLane: true
        default: false
        }
    }
}

/// The type of a vector operator without immediates (§3.3.3).
public enum SIMDSignature: Hashable, Sendable {
    /// [v128] -> [v128]
    case unary
    /// [v128 v128] -> [v128]
    case binary
    /// [v128 v128 v128] -> [v128] (bitselect)
    case ternary
    /// [v128] -> [i32] (any_true, all_true, bitmask)
    case test
    /// [v128 i32] -> [v128]
    case shift
    /// [t] -> [v128]
    case splat(ValueType)
}

/// Vector instructions without immediates (§5.4.8). Raw value = sub-opcode after 0xFD.
public enum SIMDOperator: UInt8, Hashable, Sendable, CaseIterable {
    case i8x16Swizzle = 14
    case i8x16Splat = 15, i16x8Splat, i32x4Splat, i64x2Splat, f32x4Splat, f64x2Splat
    case i8x16Eq = 35, i8x16Ne, i8x16LtS, i8x16LtU, i8x16GtS, i8x16GtU, i8x16LeS, i8x16LeU, i8x16GeS, i8x16GeU
    case i16x8Eq = 45, i16x8Ne, i16x8LtS, i16x8LtU, i16x8GtS, i16x8GtU, i16x8LeS, i16x8LeU, i16x8GeS, i16x8GeU
    case i32x4Eq = 55, i32x4Ne, i32x4LtS, i32x4LtU, i32x4GtS, i32x4GtU, i32x4LeS, i32x4LeU, i32x4GeS, i32x4GeU
    case f32x4Eq = 65, f32x4Ne, f32x4Lt, f32x4Gt, f32x4Le, f32x4Ge
    case f64x2Eq = 71, f64x2Ne, f64x2Lt, f64x2Gt, f64x2Le, f64x2Ge
    case v128Not = 77, v128And, v128AndNot, v128Or, v128Xor, v128Bitselect, v128AnyTrue
    case f32x4DemoteF64x2Zero = 94, f64x2PromoteLowF32x4
    case i8x16Abs = 96, i8x16Neg, i8x16Popcnt, i8x16AllTrue, i8x16Bitmask, i8x16NarrowI16x8S, i8x16NarrowI16x8U
    case f32x4Ceil = 103, f32x4Floor, f32x4Trunc, f32x4Nearest
    case i8x16Shl = 107, i8x16ShrS, i8x16ShrU
    case i8x16Add = 110, i8x16AddSatS, i8x16AddSatU, i8x16Sub, i8x16SubSatS, i8x16SubSatU
    case f64x2Ceil = 116, f64x2Floor
    case i8x16MinS = 118, i8x16MinU, i8x16MaxS, i8x16MaxU
    case f64x2Trunc = 122
    case i8x16AvgrU = 123
    case i16x8ExtaddPairwiseI8x16S = 124, i16x8ExtaddPairwiseI8x16U, i32x4ExtaddPairwiseI16x8S, i32x4ExtaddPairwiseI16x8U
    case i16x8Abs = 128, i16x8Neg, i16x8Q15mulrSatS, i16x8AllTrue, i16x8Bitmask, i16x8NarrowI32x4S, i16x8NarrowI32x4U
    case i16x8ExtendLowI8x16S = 135, i16x8ExtendHighI8x16S, i16x8ExtendLowI8x16U, i16x8ExtendHighI8x16U
    case i16x8Shl = 139, i16x8ShrS, i16x8ShrU
    case i16x8Add = 142, i16x8AddSatS, i16x8AddSatU, i16x8Sub, i16x8SubSatS, i16x8SubSatU
    case f64x2Nearest = 148
    case i16x8Mul = 149, i16x8MinS, i16x8MinU, i16x8MaxS, i16x8MaxU
    case i16x8AvgrU = 155
    case i16x8ExtmulLowI8x16S = 156, i16x8ExtmulHighI8x16S, i16x8ExtmulLowI8x16U, i16x8ExtmulHighI8x16U
    case i32x4Abs = 160, i32x4Neg
    case i32x4AllTrue = 163, i32x4Bitmask
    case i32x4ExtendLowI16x8S = 167, i32x4ExtendHighI16x8S, i32x4ExtendLowI16x8U, i32x4ExtendHighI16x8U
    case i32x4Shl = 171, i32x4ShrS, i32x4ShrU
    case i32x4Add = 174
    case i32x4Sub = 177
    case i32x4Mul = 181, i32x4MinS, i32x4MinU, i32x4MaxS, i32x4MaxU, i32x4DotI16x8S
    case i32x4ExtmulLowI16x8S = 188, i32x4ExtmulHighI16x8S, i32x4ExtmulLowI16x8U, i32x4ExtmulHighI16x8U
    case i64x2Abs = 192, i64x2Neg
    case i64x2AllTrue = 195, i64x2Bitmask
    case i64x2ExtendLowI32x4S = 199, i64x2ExtendHighI32x4S, i64x2ExtendLowI32x4U, i64x2ExtendHighI32x4U
    case i64x2Shl = 203, i64x2ShrS, i64x2ShrU
    case i64x2Add = 206
    case i64x2Sub = 209
    case i64x2Mul = 213
    case i64x2Eq = 214, i64x2Ne, i64x2LtS, i64x2GtS, i64x2LeS, i64x2GeS
    case i64x2ExtmulLowI32x4S = 220, i64x2ExtmulHighI32x4S, i64x2ExtmulLowI32x4U, i64x2ExtmulHighI32x4U
    case f32x4Abs = 224, f32x4Neg
    case f32x4Sqrt = 227, f32x4Add, f32x4Sub, f32x4Mul, f32x4Div, f32x4Min, f32x4Max, f32x4Pmin, f32x4Pmax
    case f64x2Abs = 236, f64x2Neg
    case f64x2Sqrt = 239, f64x2Add, f64x2Sub, f64x2Mul, f64x2Div, f64x2Min, f64x2Max, f64x2Pmin, f64x2Pmax
    case i32x4TruncSatF32x4S = 248, i32x4TruncSatF32x4U, f32x4ConvertI32x4S, f32x4ConvertI32x4U
    case i32x4TruncSatF64x2SZero = 252, i32x4TruncSatF64x2UZero, f64x2ConvertLowI32x4S, f64x2ConvertLowI32x4U

    /// The operator's type (§3.3.3).
    public var signature: SIMDSignature {
        switch self {
        case .i8x16Splat, .i16x8Splat, .i32x4Splat: .splat(.i32)
        case .i64x2Splat: .splat(.i64)
        case .f32x4Splat: .splat(.f32)
        case .f64x2Splat: .splat(.f64)
        case .v128AnyTrue, .i8x16AllTrue, .i16x8AllTrue, .i32x4AllTrue, .i64x2AllTrue,
             .i8x16Bitmask, .i16x8Bitmask, .i32x4Bitmask, .i64x2Bitmask: .test
        case .i8x16Shl, .i8x16ShrS, .i8x16ShrU, .i16x8Shl, .i16x8ShrS, .i16x8ShrU,
             .i32x4Shl, .i32x4ShrS, .i32x4ShrU, .i64x2Shl, .i64x2ShrS, .i64x2ShrU: .shift
        case .v128Bitselect: .ternary
        case .v128Not, .f32x4DemoteF64x2Zero, .f64x2PromoteLowF32x4,
             .i8x16Abs, .i8x16Neg, .i8x16Popcnt, .f32x4Ceil, .f32x4Floor, .f32x4Trunc, .f32x4Nearest,
             .f64x2Ceil, .f64x2Floor, .f64x2Trunc, .f64x2Nearest,
             .i16x8ExtaddPairwiseI8x16S, .i16x8ExtaddPairwiseI8x16U, .i32x4ExtaddPairwiseI16x8S, .i32x4ExtaddPairwiseI16x8U,
             .i16x8Abs, .i16x8Neg, .i16x8ExtendLowI8x16S, .i16x8ExtendHighI8x16S, .i16x8ExtendLowI8x16U, .i16x8ExtendHighI8x16U,
             .i32x4Abs, .i32x4Neg, .i32x4ExtendLowI16x8S, .i32x4ExtendHighI16x8S, .i32x4ExtendLowI16x8U, .i32x4ExtendHighI16x8U,
             .i64x2Abs, .i64x2Neg, .i64x2ExtendLowI32x4S, .i64x2ExtendHighI32x4S, .i64x2ExtendLowI32x4U, .i64x2ExtendHighI32x4U,
             .f32x4Abs, .f32x4Neg, .f32x4Sqrt, .f64x2Abs, .f64x2Neg, .f64x2Sqrt,
             .i32x4TruncSatF32x4S, .i32x4TruncSatF32x4U, .f32x4ConvertI32x4S, .f32x4ConvertI32x4U,
             .i32x4TruncSatF64x2SZero, .i32x4TruncSatF64x2UZero, .f64x2ConvertLowI32x4S, .f64x2ConvertLowI32x4U: .unary
        default: .binary
        }
    }
}
