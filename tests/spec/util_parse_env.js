'use strict';
// util.parseEnv: comments, export, quotes spanning lines, escapes, inline comments, key order.
const {parseEnv}=require("util");
const cases=["A=1\nB = 2 \n#C=3\n  D=4 # comment\nexport E=5\nF=\"x\\ny\"\nG='x\\ny'\nH=`a b`\nI=\"multi\nline\"\nJ\nK=\nL=\"unterminated\nM=ok\nN= #hash\nO=a#b\nP=\"q\" trailing\nQ='#notcomment'\n export  R = r \r\nS=\"a\\\\nb\"\n=noKey\nT=1\nT=2\n  U  =  spaced value  \nV=\"  padded  \"\n",
"A=\"x\" # c\nB=`it's`\nC=\"\"\nD=''", "A=1\r\nB=2\r\n", "A=\"open\nB=2\nC=\"3\"", "export A", "A=\"open\nB=2", "A='open\nB=2",
"A= \"x\"\nB=x y  z \nC=a=b\nD= ' x ' \n#E=1 \n  # F=2\nG=\"a\\tb\"", "A=`x\ny`z\nB=1", "", "\n\n", "Z=1\na=2\nB=3"];
for (const c of cases) console.log(JSON.stringify(parseEnv(c)));
