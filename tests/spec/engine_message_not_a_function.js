const o = {};
try { o.f(); } catch (e) { console.log(e.message); }
try { undefined(); } catch (e) { console.log(e.message); }
