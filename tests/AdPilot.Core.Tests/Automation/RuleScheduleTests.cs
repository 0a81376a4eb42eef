using AdPilot.Core.Automation;

namespace AdPilot.Core.Tests.Automation;

public sealed class RuleScheduleTests
{
    [Fact]
    public void Next_Hourly_IsTheNextTopOfTheHour()
    {
        var at = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(at.AddHours(1), RuleSchedule.Next(RuleSchedules.Hourly, 0, "UTC", at));
        Assert.Equal(at.AddHours(1), RuleSchedule.Next(RuleSchedules.Hourly, 0, "UTC", at.AddMinutes(59)));
    }

    [Fact]
    public void Next_Daily_IsTheHourInTheUsersTimeZone()
    {
        var at = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc);
        // 08:00 in Shanghai is 00:00 UTC: today's has passed at 09:00 UTC, so tomorrow's.
        Assert.Equal(new DateTime(2026, 11, 27, 0, 0, 0, DateTimeKind.Utc), RuleSchedule.Next(RuleSchedules.Daily, 8, "Asia/Shanghai", at));
        // 08:00 in New York (EST, UTC-5) is 13:00 UTC: still to come today.
        Assert.Equal(new DateTime(2026, 11, 26, 13, 0, 0, DateTimeKind.Utc), RuleSchedule.Next(RuleSchedules.Daily, 8, "America/New_York", at));
    }
}
