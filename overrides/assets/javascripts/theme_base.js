/* Material for MkDocs 9.8.1's start-up script (templates/partials/javascripts/base.html, MIT
   licence, (c) Martin Donath), moved into a file so the page policy needs no inline script.
   It must run before the theme's bundle, in the head, exactly as the inline copy did. */
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}};
