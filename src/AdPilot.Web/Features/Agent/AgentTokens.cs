namespace AdPilot.Web.Features.Agent;

/// <summary>
/// The offline agent's documented tokenizer rule (it has no model vocabulary): each CJK character counts as one token,
/// and every other run of text counts one token per four characters, rounded up, the common rule of thumb for English
/// with GPT-style BPE vocabularies. An empty text is zero tokens.
/// </summary>
public static class AgentTokens
{
    public static int Count(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var cjk = 0;
        var other = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                cjk++;
            }
            else
            {
                other++;
            }
        }

        return cjk + (other + 3) / 4;
    }

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';
}
