console.log('start');
notDefined();
