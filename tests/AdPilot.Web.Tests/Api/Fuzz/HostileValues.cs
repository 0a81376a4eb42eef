namespace AdPilot.Web.Tests.Api.Fuzz;

/// <summary>
/// What an attacker (or a careless client) sends instead of a good value, per schema kind: as raw JSON for bodies (so
/// <c>1e309</c> and 30-digit decimals reach the parser exactly as written) and as raw text for query and path values.
/// The most dangerous come first: when an operation has more cases than its budget, every field still gets those.
/// </summary>
internal static class HostileValues
{
    private static readonly string Long = new('a', 10_000);

    private static readonly string[] JsonStrings =
    [
        $"\"{Long}\"", "null", "\"\\u0000\\u0007\\r\\n\\t\\u001b\"", "\"Zoë 😀 \\u202e عربى 中文 \\ud800\"", "\"\"", "\"../../../etc/passwd\"",
        "\"<script>alert(1)</script>\"", "42", "{}", "[\"x\"]",
    ];

    private static readonly string[] JsonIntegers =
    [
        "9200000000000000000", "null", "-1", "0", "1e309", "\"NaN\"", "99999999999999999999", "-9223372036854775808", "1.5", "\"12abc\"", "true", "{}",
    ];

    private static readonly string[] JsonNumbers =
    [
        "9.2e18", "null", "-1", "0", "1e309", "\"NaN\"", "0.123456789012345678901234567890", "79228162514264337593543950336", "\"Infinity\"", "-0.00001",
        "true", "[]",
    ];

    private static readonly string[] JsonDates = ["\"0001-01-01\"", "null", "\"9999-12-31\"", "\"garbage\"", "\"2026-02-30\"", "\"\"", "20260101"];

    private static readonly string[] JsonDateTimes =
    [
        "\"0001-01-01T00:00:00Z\"", "null", "\"9999-12-31T23:59:59Z\"", "\"0001-01-01T00:00:00+14:00\"", "\"9999-12-31T23:59:59-14:00\"", "\"garbage\"", "0",
    ];

    private static readonly string[] JsonEnums = ["\"unknown\"", "null", "999", "\"\"", "-1", "\"DAILY\"", "[\"x\"]"];

    private static readonly string[] JsonBooleans = ["\"true\"", "null", "\"yes\"", "1", "{}"];

    private static readonly string[] JsonArrays = ["[null]", "null", "{}", "[42]", "[]", "\"x\"", "[[]]"];

    private static readonly string[] JsonObjects = ["null", "42", "\"x\"", "[]", "{}"];

    private static readonly string[] JsonDictionaries = ["{\"x\":null}", "null", "{\"\":1e309}", "{\"<script>\":{}}", "[]", "{}"];

    private static readonly string[] QueryStrings = [Long, "%00%07%0D%0A", "Zo%C3%AB%F0%9F%98%80%E2%80%AE", "", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "%FF%FE", "x,y,,z"];

    private static readonly string[] QueryIntegers = ["9223372036854775807", "-1", "0", "99999999999999999999", "1.5", "NaN", "abc", ""];

    private static readonly string[] QueryBooleans = ["yes", "2", "", "%00"];

    private static readonly string[] QueryDates = ["0001-01-01", "9999-12-31", "garbage", "2026-02-30", ""];

    private static readonly string[] QueryDateTimes = ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00%2B14:00", "9999-12-31T23:59:59-14:00", "garbage", ""];

    /// <summary>Text form fields, as sent (multipart parts are not JSON).</summary>
    public static readonly string[] FormTexts = [Long, "", "\u0000\u0007\r\n", "Zoë 😀 \u202e 中文", "<script>alert(1)</script>", ",,, ,", "../../../etc/passwd"];

    /// <summary>File names a client may claim.</summary>
    public static readonly string[] FileNames = ["../../../etc/passwd", "", new string('f', 300) + ".png", "a.png.exe", "😀.png", "nul"];

    /// <summary>File contents that are not what they claim, or nothing at all.</summary>
    public static IEnumerable<(string What, byte[] Bytes)> Files(byte[] sample, int seed)
    {
        var random = new byte[4096];
        new Random(seed).NextBytes(random);
        yield return ("empty", []);
        yield return ("cut in half", sample[..(sample.Length / 2)]);
        yield return ("random bytes", random);
        yield return ("GIF header only", "GIF89a"u8.ToArray());
        yield return ("HTML", "<html><script>alert(1)</script></html>"u8.ToArray());
        yield return ("PNG signature then garbage", [.. sample[..16], .. random[..64]]);
    }

    /// <summary>Ids in a path: none, negative, the largest, beyond a long, not a number.</summary>
    public static readonly string[] PathIds = ["0", "-1", "9223372036854775807", "99999999999999999999", "abc"];

    public static IReadOnlyList<string> Json(SchemaKind kind) => kind switch
    {
        SchemaKind.String or SchemaKind.Unknown => JsonStrings,
        SchemaKind.Integer => JsonIntegers,
        SchemaKind.Number => JsonNumbers,
        SchemaKind.Date => JsonDates,
        SchemaKind.DateTime => JsonDateTimes,
        SchemaKind.Enum => JsonEnums,
        SchemaKind.Boolean => JsonBooleans,
        SchemaKind.Array => JsonArrays,
        SchemaKind.Object => JsonObjects,
        SchemaKind.Dictionary => JsonDictionaries,
        _ => JsonStrings,
    };

    /// <summary>Already URL-encoded where the raw character could not travel in a URL.</summary>
    public static IReadOnlyList<string> Query(SchemaKind kind) => kind switch
    {
        SchemaKind.Integer or SchemaKind.Number => QueryIntegers,
        SchemaKind.Boolean => QueryBooleans,
        SchemaKind.Date => QueryDates,
        SchemaKind.DateTime => QueryDateTimes,
        _ => QueryStrings,
    };
}
