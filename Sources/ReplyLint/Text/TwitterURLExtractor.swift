// TEMPORARY: replaced by the twitter-text URL extractor.
public enum TwitterURLExtractor {
    public static func urlRanges(in scalars: [Unicode.Scalar]) -> [Range<Int>] { [] }
}
