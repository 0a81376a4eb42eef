using System.Globalization;
using System.Text.Json.Nodes;
using AdPilot.Web.Features.Agent;
using AdPilot.Web.Features.Chat;

namespace AdPilot.Web.Tests.Chat;

/// <summary>A chat table's sorting and CSV.</summary>
public sealed class ChatTablesTests
{
    private static List<IReadOnlyList<JsonNode?>> Rows(params object?[][] rows) =>
        rows.Select(r => (IReadOnlyList<JsonNode?>)r.Select(c => c is null ? null : JsonValue.Create(c)).Cast<JsonNode?>().ToList()).ToList();

    [Fact]
    public void Sort_Numbers_SortAsNumbers_AndEmptyCellsComeLastEitherWay()
    {
        var rows = Rows(["a", 9m], ["b", 10m], ["c", null], ["d", 1.5m], ["e", "2"]);

        Assert.Equal(["b", "a", "e", "d", "c"], ChatTables.Sort(rows, 1, descending: true).Select(r => (string)r[0]!));
        Assert.Equal(["d", "e", "a", "b", "c"], ChatTables.Sort(rows, 1, descending: false).Select(r => (string)r[0]!));
    }

    [Fact]
    public void Sort_Text_SortsAlphabeticallyIgnoringCase()
    {
        var rows = Rows(["banana"], ["Apple"], ["cherry"]);

        Assert.Equal(["Apple", "banana", "cherry"], ChatTables.Sort(rows, 0, descending: false).Select(r => (string)r[0]!));
    }

    [Fact]
    public void IsNumeric_TrueOnlyWhenEveryFilledCellIsANumber()
    {
        var rows = Rows(["a", 1m, 2m], ["b", null, "x"]);

        Assert.False(ChatTables.IsNumeric(rows, 0));
        Assert.True(ChatTables.IsNumeric(rows, 1));
        Assert.False(ChatTables.IsNumeric(rows, 2));
    }

    [Fact]
    public void Csv_QuotesAndEscapes_KeepsNumbersInvariant_AndLeavesEmptyCellsEmpty()
    {
        var table = new TableSpec("Spend", ["Campaign", "Spend"], Rows(["Spring, \"EU\"", 1234.5m], ["Line\nbreak", null], ["Plain", -3m]));

        Assert.Equal("Campaign,Spend\r\n\"Spring, \"\"EU\"\"\",1234.5\r\n\"Line\nbreak\",\r\nPlain,-3\r\n", ChatTables.Csv(table));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    public void Csv_TextThatAFormulaCouldStartWith_IsDefused(string cell, string expected)
    {
        var table = new TableSpec("t", ["Name"], Rows([cell]));

        Assert.Equal($"Name\r\n{expected}\r\n", ChatTables.Csv(table));
    }

    [Fact]
    public void Display_FormatsNumbersForTheReader()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
        try
        {
            Assert.Equal("1,235", ChatTables.Display(JsonValue.Create(1235)));
            Assert.Equal("1,234.57", ChatTables.Display(JsonValue.Create(1234.5678m)));
            Assert.Equal("0.0123", ChatTables.Display(JsonNode.Parse("0.0123")));
            Assert.Equal("—", ChatTables.Display(null));
            Assert.Equal("Spring", ChatTables.Display(JsonValue.Create("Spring")));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("Worst ad sets by CPA", "Worst-ad-sets-by-CPA.csv")]
    [InlineData("按 CPA 排名 / 7 天", "按-CPA-排名-7-天.csv")]
    [InlineData("../../etc", "etc.csv")]
    [InlineData("", "adpilot-table.csv")]
    public void FileName_KeepsOnlyLettersDigitsAndDashes(string title, string expected) =>
        Assert.Equal(expected, ChatTables.FileName(title, "csv"));
}
