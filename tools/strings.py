#!/usr/bin/env python3
"""UI strings of AdPilot in English and Simplified Chinese. Run to regenerate Resources/SharedResource*.resx."""
from xml.sax.saxutils import escape
import pathlib

S = {
 "Auth.AccessDenied": ("You don't have access to this page.", "你无权访问此页面。"),
 "Auth.Consent": ("By signing in you agree to the", "登录即表示你同意"),
 "Auth.Dev.Body": ("For local development only: signs you in with an e-mail address and does not verify it. Off in production and whenever Google sign-in is configured.", "仅用于本地开发：使用电子邮件地址登录且不做验证。在生产环境或配置了 Google 登录时关闭。"),
 "Auth.Dev.Continue": ("Continue with e-mail", "使用邮箱继续"),
 "Auth.Dev.Title": ("Development sign-in", "开发环境登录"),
 "Auth.Error.google_failed": ("Google sign-in did not complete. Please try again.", "Google 登录未完成，请重试。"),
 "Auth.Error.google_not_configured": ("Google sign-in is not configured on this server.", "此服务器未配置 Google 登录。"),
 "Auth.Error.invalid_email": ("Enter a valid e-mail address.", "请输入有效的电子邮件地址。"),
 "Auth.Error.unknown": ("Sign-in failed. Please try again.", "登录失败，请重试。"),
 "Auth.Google": ("Sign in with Google", "使用 Google 登录"),
 "Auth.GoogleNotConfigured": ("Google sign-in is not configured on this server yet. An administrator sets Auth:Google:ClientId and ClientSecret to turn it on.", "此服务器尚未配置 Google 登录。管理员设置 Auth:Google:ClientId 和 ClientSecret 后即可启用。"),
 "Auth.Lead": ("One place for your Meta, TikTok and Google Ads accounts.", "一个地方管理你的 Meta、TikTok 和 Google Ads 账户。"),
 "Auth.SignIn": ("Sign in", "登录"),
 "Auth.SignOut": ("Sign out", "退出登录"),
 "Auth.Title": ("Sign in to AdPilot", "登录 AdPilot"),
 "Common.LoadFailed": ("We couldn't load this. Check your connection and try again.", "加载失败，请检查网络后重试。"),
 "Common.Loading": ("Loading…", "加载中…"),
 "Common.Retry": ("Retry", "重试"),
 "Common.Save": ("Save changes", "保存更改"),
 "Common.SaveFailed": ("Saving failed. Please try again.", "保存失败，请重试。"),
 "Cookies.AcceptAll": ("Accept all", "全部接受"),
 "Cookies.EssentialOnly": ("Essential only", "仅必要"),
 "Cookies.Message": ("We use essential cookies to keep you signed in and remember your language. We use no advertising or analytics cookies.", "我们使用必要的 Cookie 来保持你的登录状态并记住你的语言。我们不使用广告或分析类 Cookie。"),
 "Cookies.Settings": ("Cookie settings", "Cookie 设置"),
 "Cookies.Title": ("Cookie consent", "Cookie 同意"),
 "Error.Body": ("An unexpected error occurred. Reload the page to continue; your saved work is safe.", "发生了意外错误。请重新加载页面继续；已保存的内容不会丢失。"),
 "Error.Reload": ("Reload", "重新加载"),
 "Error.RequestId": ("Request ID:", "请求 ID："),
 "Error.Title": ("Something went wrong", "出错了"),
 "Home.Feature.Accounts": ("All ad accounts, one login", "所有广告账户，一次登录"),
 "Home.Feature.Accounts.Body": ("Connect Meta, TikTok and Google Ads by OAuth. Tokens are encrypted and refreshed for you.", "通过 OAuth 连接 Meta、TikTok 和 Google Ads。令牌加密保存并自动刷新。"),
 "Home.Feature.Agent": ("An AI co-pilot that acts", "能动手的 AI 助手"),
 "Home.Feature.Agent.Body": ("Chat with an agent that reads your results and pauses, scales or fixes campaigns, paid with prepaid credits.", "与 AI 助手对话：它分析你的数据，并暂停、扩量或修复广告系列，按预付积分计费。"),
 "Home.Feature.Campaigns": ("Campaigns in sync", "广告系列实时同步"),
 "Home.Feature.Campaigns.Body": ("Create and edit campaigns, ad sets and ads once; AdPilot keeps every platform in step.", "一次创建和编辑广告系列、广告组和广告，AdPilot 让各平台保持一致。"),
 "Home.Feature.Creatives": ("Creative library", "素材库"),
 "Home.Feature.Creatives.Body": ("Upload images and videos, get a quality score with reasons, and reuse them across platforms.", "上传图片和视频，获得带理由的质量评分，并在各平台复用。"),
 "Home.Feature.Pages": ("Landing pages", "落地页"),
 "Home.Feature.Pages.Body": ("Build pages in a visual editor and publish them to a CDN in one click.", "在可视化编辑器中制作页面，一键发布到 CDN。"),
 "Home.Feature.Reports": ("Reports that add up", "准确的报表"),
 "Home.Feature.Reports.Body": ("ROAS, CPA and spend from campaign down to ad, with charts and CSV export.", "从广告系列到单条广告的 ROAS、CPA 和花费，附图表和 CSV 导出。"),
 "Home.GetStarted": ("Get started free", "免费开始"),
 "Home.Lead": ("AdPilot brings your Meta, TikTok and Google Ads accounts, creatives, landing pages and reports into one place, with an AI agent that analyses results and acts on your campaigns.", "AdPilot 把你的 Meta、TikTok 和 Google Ads 账户、素材、落地页和报表集中到一处，并由 AI 助手分析结果、直接操作你的广告系列。"),
 "Home.OpenApp": ("Open AdPilot", "打开 AdPilot"),
 "Home.Tagline": ("Run every ad platform from one place", "在一个地方运营所有广告平台"),
 "Legal.Cookies": ("Cookie Policy", "Cookie 政策"),
 "Legal.Privacy": ("Privacy Policy", "隐私政策"),
 "Legal.Terms": ("Terms of Service", "服务条款"),
 "Nav.Admin": ("Admin", "管理"),
 "Nav.ApiDocs": ("API reference", "API 文档"),
 "Nav.Jobs": ("Background jobs", "后台任务"),
 "Nav.Overview": ("Overview", "概览"),
 "Nav.Settings": ("Settings", "设置"),
 "Nav.ToggleMenu": ("Toggle navigation menu", "切换导航菜单"),
 "Nav.UserMenu": ("Account menu", "账户菜单"),
 "NotFound.Body": ("The page you are looking for does not exist or has moved.", "你要找的页面不存在或已移动。"),
 "NotFound.Home": ("Go to the home page", "返回首页"),
 "NotFound.Title": ("Page not found", "页面未找到"),
 "Overview.Account": ("Your account", "你的账户"),
 "Overview.Api": ("Use AdPilot from code", "通过代码使用 AdPilot"),
 "Overview.ApiBody": ("Everything in AdPilot is also available over a REST API with bearer tokens. The reference lists every endpoint and lets you try it.", "AdPilot 的所有功能也可以通过带 Bearer 令牌的 REST API 使用。文档列出了每个接口，并可直接试用。"),
 "Overview.EditProfile": ("Edit profile", "编辑资料"),
 "Overview.Lead": ("This is your AdPilot workspace. Set your language and time zone so reports and dates match your day.", "这是你的 AdPilot 工作区。设置语言和时区，让报表和日期与你的时间一致。"),
 "Overview.LocalTime": ("Your local time", "你的本地时间"),
 "Overview.MemberSince": ("Member since", "注册时间"),
 "Overview.Welcome": ("Welcome, {0}", "欢迎，{0}"),
 "Profile.Avatar": ("Avatar URL", "头像链接"),
 "Profile.AvatarHelp": ("A link to a square image (https://…). Leave empty to use your initial.", "方形图片的链接（https://…）。留空则显示姓名首字母。"),
 "Profile.AvatarPreview": ("Preview", "预览"),
 "Profile.Email": ("E-mail", "电子邮件"),
 "Profile.EmailHelp": ("Comes from your Google account and is kept up to date when you sign in.", "来自你的 Google 账户，每次登录时自动更新。"),
 "Profile.Language": ("Language", "语言"),
 "Profile.LocalTimeNow": ("Your local time: {0}", "你的本地时间：{0}"),
 "Profile.Name": ("Name", "姓名"),
 "Profile.Saved": ("Profile saved.", "资料已保存。"),
 "Profile.TimeZone": ("Time zone", "时区"),
 "Profile.TimeZoneHelp": ("Choose an IANA time zone such as Europe/Paris; reports and dates use it.", "选择 IANA 时区（如 Asia/Shanghai），报表和日期将使用它。"),
 "Settings.Profile": ("Profile", "个人资料"),
 "Theme.Dark": ("Dark mode", "深色模式"),
 "Theme.Light": ("Light mode", "浅色模式"),
 "Theme.Toggle": ("Toggle light and dark theme", "切换浅色/深色主题"),
}

HEAD = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def write(path, index):
    rows = "".join(f'  <data name="{escape(k)}" xml:space="preserve"><value>{escape(v[index])}</value></data>\n' for k, v in sorted(S.items()))
    pathlib.Path(path).write_text(HEAD + rows + "</root>\n", encoding="utf-8")

if __name__ == "__main__":
    out = pathlib.Path(__file__).resolve().parent.parent / "src/AdPilot.Web/Resources"
    write(out / "SharedResource.resx", 0)
    write(out / "SharedResource.zh-CN.resx", 1)
