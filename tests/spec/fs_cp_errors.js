// fs.cp and cpSync errors: the plain errors of cpSync's first checks and the SystemErrors of the walk.
const fs=require('fs'),path=require('path'),os=require('os');
const r=fs.mkdtempSync(path.join(os.tmpdir(),'cpe-'));
const d=path.join(r,'d'), f=path.join(r,'f'), f2=path.join(r,'f2');
fs.mkdirSync(d); fs.writeFileSync(f,'x'); fs.writeFileSync(f2,'y'); fs.mkdirSync(path.join(r,'d2'));
const show=(e)=>console.log(e.code, e.name, e.errno, e.syscall, e.path&&e.path.split(r).join('R'), '|', e.message.split(r).join('R'));
const t=(n,g)=>{try{g();console.log(n,'ok')}catch(e){process.stdout.write(n+' ');show(e)}};
t('same', ()=>fs.cpSync(f,f));
t('dir->file', ()=>fs.cpSync(d,f,{recursive:true}));
t('file->dir', ()=>fs.cpSync(f,path.join(r,'d2')));
t('exists', ()=>fs.cpSync(f,f2,{force:false,errorOnExist:true}));
t('subdir', ()=>fs.cpSync(d,path.join(d,'x'),{recursive:true}));
t('norec', ()=>fs.cpSync(d,path.join(r,'zz')));
fs.cp(d,path.join(r,'zz'),(e)=>{process.stdout.write('async norec ');show(e);
fs.cp(f,f,(e)=>{process.stdout.write('async same ');show(e);
fs.cp(d,f,{recursive:true},(e)=>{process.stdout.write('async dir->file ');show(e); fs.rmSync(r,{recursive:true})});});});
