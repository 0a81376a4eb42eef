using System.Text.Json.Nodes;
using AdPilot.Core.Actions;

namespace AdPilot.Core.Tests.Actions;

/// <summary>Logged values are compared as values: a budget read back from MariaDB as 120.0000 is still the 120 the log kept.</summary>
public sealed class JsonValuesTests
{
    [Fact]
    public void Same_ComparesNumbersByValue_ObjectsByField_AndArraysInOrder()
    {
        Assert.True(JsonValues.Same(JsonNode.Parse("120"), JsonValue.Create(120.0000m)));
        Assert.True(JsonValues.Same(JsonValue.Create(18), JsonNode.Parse("18.0")));
        Assert.True(JsonValues.Same(JsonNode.Parse("""{"age_min":18,"locations":["US"]}"""), JsonNode.Parse("""{"locations":["US"],"age_min":18.0}""")));
        Assert.True(JsonValues.Same(null, null));
        Assert.False(JsonValues.Same(JsonNode.Parse("""["US","CA"]"""), JsonNode.Parse("""["CA","US"]""")));
        Assert.False(JsonValues.Same(JsonValue.Create("120"), JsonValue.Create(120)));
        Assert.False(JsonValues.Same(JsonValue.Create(120m), null));
        Assert.Equal(("120", "18.5", "empty"), (JsonValues.Show(JsonValue.Create(120.0000m)), JsonValues.Show(JsonNode.Parse("18.50")), JsonValues.Show(null)));
    }
}
