using System.Security.Cryptography;
using System.Text;

namespace AdPilot.Core.LandingPages;

/// <summary>
/// The one script of a published page, the same text on every page (so its CSP hash is a constant): it reads the beacon
/// URL and the form's messages from data attributes, never from text written into the script. It sends a view on load and
/// a click for each <c>[data-cta]</c> with <c>navigator.sendBeacon</c> (text/plain: no preflight, no cookies needed), and
/// submits lead forms with fetch, writing answers with <c>textContent</c> only. Without it the form still posts.
/// </summary>
public static class PageScript
{
    public const string Text =
        "(function(){var d=document,u=d.body.getAttribute('data-events');"
        + "function send(o){try{if(u&&navigator.sendBeacon)navigator.sendBeacon(u,JSON.stringify(o))}catch(x){}}"
        + "send({type:'view'});"
        + "d.addEventListener('click',function(e){var t=e.target&&e.target.closest?e.target.closest('[data-cta]'):null;"
        + "if(t)send({type:'click',block:t.getAttribute('data-cta')})});"
        + "var fs=d.querySelectorAll('form[data-lead]');for(var i=0;i<fs.length;i++)fs[i].addEventListener('submit',submit);"
        + "function submit(e){var f=e.currentTarget;if(!window.fetch||!window.URLSearchParams||!window.FormData)return;e.preventDefault();"
        + "var b=f.querySelector('.btn'),s=f.querySelector('[role=status]'),l=b?b.textContent:'',es=f.querySelectorAll('[data-err]'),j;"
        + "for(j=0;j<es.length;j++)es[j].textContent='';s.textContent='';if(b){b.disabled=true;b.textContent=f.getAttribute('data-sending')}"
        + "function fail(p){var m=(p&&p.errors)||{},shown=false;"
        + "for(j=0;j<es.length;j++){var v=m[es[j].getAttribute('data-err')];if(v){es[j].textContent=[].concat(v).join(' ');shown=true}}"
        + "if(!shown)s.textContent=f.getAttribute('data-error');if(b){b.disabled=false;b.textContent=l}}"
        + "fetch(f.action,{method:'POST',headers:{'Accept':'application/json'},body:new URLSearchParams(new FormData(f))}).then(function(r){"
        + "if(r.ok){var p=d.createElement('p');p.className='ok';p.setAttribute('role','status');p.textContent=f.getAttribute('data-success');"
        + "f.parentNode.replaceChild(p,f);return}"
        + "return r.json().then(fail,function(){fail(null)})},function(){fail(null)})}})();";

    /// <summary>The CSP source that allows exactly <see cref="Text"/>.</summary>
    public static readonly string Hash = "'sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Text))) + "'";
}
