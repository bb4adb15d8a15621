console.log(btoa('hello'), atob('aGVsbG8='), atob(' aGVs bG8 '), btoa(''), atob(''));
try { btoa('日本'); } catch (e) { console.log(e.name, e.code); }
try { atob('a'); } catch (e) { console.log(e.name); }
console.log(atob === require('buffer').atob, btoa === require('buffer').btoa);
